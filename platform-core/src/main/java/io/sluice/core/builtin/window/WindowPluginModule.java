package io.sluice.core.builtin.window;

import io.sluice.api.plugin.PluginModule;

/** Registers {@code window}. */
public final class WindowPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(WindowTransformFactory.class);
    }
}
