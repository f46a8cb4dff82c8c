package io.sluice.core.builtin.checkpoint;

import io.sluice.api.plugin.PluginModule;

/** Registers the checkpoint state store. */
public final class CheckpointPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerStateStore(CheckpointStateStoreFactory.class);
    }
}
