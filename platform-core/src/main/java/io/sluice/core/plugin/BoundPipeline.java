package io.sluice.core.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.SourceFactory;
import io.sluice.api.state.StateStoreFactory;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.config.PipelineConfig;

/**
 * A pipeline file whose every block is bound to a factory with checked options: ready to plan.
 * {@code classLoader} sees every plugin the pipeline uses.
 */
public record BoundPipeline(
        PipelineConfig config,
        List<BoundComponent<SourceFactory>> sources,
        List<BoundComponent<TransformFactory>> transforms,
        Optional<BoundComponent<StateStoreFactory>> state,
        List<BoundComponent<SinkFactory>> sinks,
        Optional<BoundComponent<SinkFactory>> deadLetter,
        List<String> warnings,
        ClassLoader classLoader) {
    public BoundPipeline {
        requireNonNull(config, "config is null");
        sources = List.copyOf(sources);
        transforms = List.copyOf(transforms);
        requireNonNull(state, "state is null");
        sinks = List.copyOf(sinks);
        requireNonNull(deadLetter, "deadLetter is null");
        warnings = List.copyOf(warnings);
        requireNonNull(classLoader, "classLoader is null");
    }
}
