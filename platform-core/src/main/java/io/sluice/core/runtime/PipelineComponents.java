package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.Source;
import io.sluice.api.state.StateStore;
import io.sluice.api.transform.Transform;
import io.sluice.core.builtin.checkpoint.CheckpointStateStore;
import io.sluice.core.config.ComponentConfig;
import io.sluice.core.config.PipelineSettings;
import io.sluice.core.plugin.BoundComponent;
import io.sluice.core.plugin.BoundPipeline;

/**
 * The driver-side instances of a pipeline's plugins, created from their factories in file order.
 * Creating an instance opens nothing, so this runs on every start, including a recovery from a
 * checkpoint (which needs the sinks but not the sources' streams). Closed when the pipeline stops.
 */
public final class PipelineComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineComponents.class);

    private final BoundPipeline pipeline;
    private final Map<ComponentConfig, Source> sources = new LinkedHashMap<>();
    private final Map<ComponentConfig, Transform> transforms = new LinkedHashMap<>();
    private final StateStore stateStore;
    private final Map<ComponentConfig, Sink> sinks = new LinkedHashMap<>();
    private final Optional<Map.Entry<ComponentConfig, Sink>> deadLetter;

    public PipelineComponents(BoundPipeline pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        for (BoundComponent<io.sluice.api.source.SourceFactory> source : pipeline.sources()) {
            sources.put(source.config(), created(source, source.factory().create(source.options(), context(source.config()))));
        }
        for (BoundComponent<io.sluice.api.transform.TransformFactory> transform : pipeline.transforms()) {
            transforms.put(transform.config(), created(transform, transform.factory().create(transform.options(), context(transform.config()))));
        }
        this.stateStore = pipeline.state()
                .map(state -> created(state, state.factory().create(state.options(), context(state.config()))))
                .orElseGet(CheckpointStateStore::new);
        for (BoundComponent<SinkFactory> sink : pipeline.sinks()) {
            sinks.put(sink.config(), created(sink, sink.factory().create(sink.options(), context(sink.config()))));
        }
        this.deadLetter = pipeline.deadLetter()
                .map(sink -> Map.entry(sink.config(), created(sink, sink.factory().create(sink.options(), context(sink.config())))));
    }

    private static <T> T created(BoundComponent<?> component, T instance) {
        if (instance == null) {
            throw SluiceException.internal(component.factory().getClass().getName() + " returned null for "
                    + component.config().label(), null);
        }
        return instance;
    }

    private PluginContext context(ComponentConfig component) {
        PipelineSettings settings = pipeline.config().settings();
        return new RuntimePluginContext(settings.name(), component.name(), settings.batchInterval(), settings.checkpoint());
    }

    public BoundPipeline pipeline() {
        return pipeline;
    }

    public Map<ComponentConfig, Source> sources() {
        return sources;
    }

    public Map<ComponentConfig, Transform> transforms() {
        return transforms;
    }

    public StateStore stateStore() {
        return stateStore;
    }

    public Map<ComponentConfig, Sink> sinks() {
        return sinks;
    }

    public Optional<Map.Entry<ComponentConfig, Sink>> deadLetter() {
        return deadLetter;
    }

    /** The retry policy of a sink block (every sink block takes {@code retries} and {@code retry-backoff}). */
    public SinkRetryPolicy retryPolicy(ComponentConfig sink) {
        Options options = pipeline.sinks().stream()
                .filter(bound -> bound.config().equals(sink))
                .findFirst()
                .or(() -> pipeline.deadLetter().filter(bound -> bound.config().equals(sink)))
                .orElseThrow(() -> SluiceException.internal("unknown sink " + sink.label(), null))
                .options();
        return SinkRetryPolicy.from(options);
    }

    /** Every sink by its name, the dead-letter sink included, for {@link RuntimeServices}. */
    public Map<String, Sink> sinksByName() {
        Map<String, Sink> byName = new LinkedHashMap<>();
        sinks.forEach((config, sink) -> byName.put(config.name(), sink));
        deadLetter.ifPresent(entry -> byName.put(entry.getKey().name(), entry.getValue()));
        return byName;
    }

    @Override
    public void close() {
        List<Runnable> closers = new ArrayList<>();
        sources.values().forEach(source -> closers.add(source::close));
        closers.add(stateStore::close);
        sinks.values().forEach(sink -> closers.add(sink::close));
        deadLetter.ifPresent(entry -> closers.add(entry.getValue()::close));
        for (Runnable closer : closers) {
            try {
                closer.run();
            }
            catch (RuntimeException e) {
                LOG.warn("Closing a plugin failed: {}", e.toString());
            }
        }
    }
}
