package io.sluice.core.builtin.join;

import io.sluice.api.plugin.PluginModule;

/** Registers {@code join}. */
public final class JoinPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(JoinTransformFactory.class);
    }
}
