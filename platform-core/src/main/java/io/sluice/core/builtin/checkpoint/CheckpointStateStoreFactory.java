package io.sluice.core.builtin.checkpoint;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.state.StateStore;
import io.sluice.api.state.StateStoreFactory;

/** {@code state { type = checkpoint }}: state in Spark's checkpoint. */
public final class CheckpointStateStoreFactory implements StateStoreFactory {
    @Override
    public String type() {
        return "checkpoint";
    }

    @Override
    public String description() {
        return "Keyed state kept by Spark and saved with the pipeline's checkpoint (file:, hdfs:); the default";
    }

    @Override
    public OptionSpecs options() {
        return OptionSpecs.none();
    }

    @Override
    public StateStore create(Options options, PluginContext context) {
        return new CheckpointStateStore();
    }
}
