package io.sluice.core.builtin.filesink;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code file} sink. */
public final class FileSinkPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSink(FileSinkFactory.class);
    }
}
