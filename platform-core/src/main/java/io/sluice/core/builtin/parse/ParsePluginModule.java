package io.sluice.core.builtin.parse;

import io.sluice.api.plugin.PluginModule;

/** Registers the built-in {@code parse} transform. */
public final class ParsePluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(ParseTransformFactory.class);
    }
}
