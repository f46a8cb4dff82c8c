package io.sluice.core.plugin;

import static java.util.Objects.requireNonNull;

import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginFactory;
import io.sluice.core.config.ComponentConfig;

/**
 * A pipeline block bound to the factory of its type, with its options parsed and checked.
 *
 * @param <F> the factory kind
 */
public record BoundComponent<F extends PluginFactory>(ComponentConfig config, F factory, Options options) {
    public BoundComponent {
        requireNonNull(config, "config is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(options, "options is null");
    }
}
