package io.sluice.core.builtin.stateful;

import io.sluice.api.plugin.PluginModule;

/** Registers {@code stateful}. */
public final class StatefulPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(StatefulTransformFactory.class);
    }
}
