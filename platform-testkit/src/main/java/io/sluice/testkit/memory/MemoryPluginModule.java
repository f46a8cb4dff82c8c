package io.sluice.testkit.memory;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code memory} test source and sink. */
public final class MemoryPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSource(MemorySourceFactory.class);
        registerSink(MemorySinkFactory.class);
    }
}
