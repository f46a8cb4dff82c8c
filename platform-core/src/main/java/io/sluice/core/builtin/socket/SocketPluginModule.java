package io.sluice.core.builtin.socket;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code socket} source. */
public final class SocketPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSource(SocketSourceFactory.class);
    }
}
