package io.sluice.core.builtin.checkpoint;

import io.sluice.api.state.StateStorage;
import io.sluice.api.state.StateStore;

/**
 * Keeps keyed state inside Spark, checkpointed with the pipeline to its Hadoop file system
 * ({@code pipeline.checkpoint}); a recovery restores it with the stream graph. The default store.
 */
public final class CheckpointStateStore implements StateStore {
    @Override
    public StateStorage storage() {
        return new StateStorage.Engine();
    }

    @Override
    public String describe() {
        return "checkpoint (Spark state, saved with the pipeline's checkpoint)";
    }
}
