package io.sluice.core.builtin.generator;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code generator} source. */
public final class GeneratorPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSource(GeneratorSourceFactory.class);
    }
}
