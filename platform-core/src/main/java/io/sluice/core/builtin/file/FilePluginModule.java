package io.sluice.core.builtin.file;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code file} source. */
public final class FilePluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSource(FileSourceFactory.class);
    }
}
