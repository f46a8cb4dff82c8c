package io.sluice.core.builtin.console;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code console} sink. */
public final class ConsolePluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSink(ConsoleSinkFactory.class);
    }
}
