package io.sluice.api.state;

import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.plugin.PluginFactory;

/** Creates state stores of one type, from the pipeline's {@code state { ... }} block. Driver only. */
public interface StateStoreFactory extends PluginFactory {
    StateStore create(Options options, PluginContext context);
}
