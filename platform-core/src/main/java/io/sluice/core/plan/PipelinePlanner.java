package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.DidYouMean;
import io.sluice.api.record.Record;
import io.sluice.api.sink.Sink;
import io.sluice.api.source.Positions;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;
import io.sluice.api.source.SourcePositions;
import io.sluice.api.state.StateStore;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.StreamTransformContext;
import io.sluice.api.transform.Transform;
import io.sluice.core.config.ComponentConfig;
import io.sluice.core.config.ErrorTolerance;
import io.sluice.core.runtime.BatchCommitter;
import io.sluice.core.runtime.PipelineComponents;
import io.sluice.core.runtime.PositionStore;
import io.sluice.core.runtime.RuntimeServices;
import io.sluice.core.runtime.SinkWriterJob;

/**
 * Turns a pipeline's components into a DStream graph on a new streaming context:
 * <ol>
 *   <li>each source opens its stream, starting from positions stored by a transactional sink or
 *       the position store; several sources are unioned as the first step's input;</li>
 *   <li>consecutive record steps (record transforms, and the {@code prepare} step of a stream
 *       transform) are fused into one pass; with {@code errors.tolerance = all} each pass's
 *       output is split into records and dead letters;</li>
 *   <li>stream transforms get the fused stream and named streams;</li>
 *   <li>each sink gets one output, the dead-letter sink one more, and a last output commits the
 *       batch's source positions, since Spark runs a batch's outputs in order.</li>
 * </ol>
 * Runs once per fresh start; a recovery restores the graph from Spark's checkpoint instead.
 */
public final class PipelinePlanner {
    private final PipelineComponents components;
    private final PositionStore positionStore;
    private final String pipelineName;
    private final ErrorTolerance tolerance;

    public PipelinePlanner(PipelineComponents components, PositionStore positionStore) {
        this.components = requireNonNull(components, "components is null");
        this.positionStore = requireNonNull(positionStore, "positionStore is null");
        this.pipelineName = components.pipeline().config().settings().name();
        this.tolerance = components.pipeline().config().tolerance();
    }

    /** Builds the graph on {@code context}. */
    public void plan(JavaStreamingContext context) {
        new Planning(context).run();
    }

    /** A stream whose record steps are not yet applied: they fuse with whatever follows. */
    private record PendingStream(JavaDStream<Record> stream, List<RecordStep> steps, boolean fromSource) {
        PendingStream with(RecordStep step) {
            List<RecordStep> all = new ArrayList<>(steps);
            all.add(step);
            return new PendingStream(stream, all, fromSource);
        }
    }

    private final class Planning {
        private final JavaStreamingContext context;
        private final Map<String, PendingStream> streams = new LinkedHashMap<>();
        private final Map<String, SourcePositions> positions = new LinkedHashMap<>();
        private final List<JavaDStream<Record>> deadLetterStreams = new ArrayList<>();
        private final Map<String, RecordFunction> decoders = new LinkedHashMap<>();
        private final Map<String, String> decoderLabels = new LinkedHashMap<>();

        Planning(JavaStreamingContext context) {
            this.context = context;
        }

        void run() {
            Map<String, Integer> uses = countUses();
            List<JavaDStream<Record>> sourceStreams = openSources();
            JavaDStream<Record> allSources = union(sourceStreams);
            PendingStream current = new PendingStream(allSources, decoderSteps(), true);
            String currentName = null;
            for (Map.Entry<ComponentConfig, Transform> entry : components.transforms().entrySet()) {
                ComponentConfig config = entry.getKey();
                if (config.input().isPresent() && !config.input().get().equals(currentName)) {
                    current = pendingNamed(config.input().get());
                }
                current = applyTransform(config, entry.getValue(), current);
                currentName = config.name();
                streams.put(config.name(), current);
                if (uses.getOrDefault(config.name(), 0) > 1) {
                    current = share(config.name(), current);
                }
            }
            JavaDStream<Record> output = materialize(current);
            SinkWriterJob deadLetterJob = deadLetterJob();
            for (Map.Entry<ComponentConfig, Sink> entry : components.sinks().entrySet()) {
                ComponentConfig config = entry.getKey();
                JavaDStream<Record> input = config.input().map(name -> materialize(pendingNamed(name))).orElse(output);
                SinkWriterJob job = sinkJob(config, entry.getValue(), deadLetterJob);
                DStreams.foreachBatch(input, job::write);
            }
            if (deadLetterJob != null && !deadLetterStreams.isEmpty()) {
                JavaDStream<Record> deadLetters = union(deadLetterStreams);
                DStreams.foreachBatch(deadLetters, deadLetterJob::writeDeadLetters);
            }
            // On the sources' union, which has a batch every interval, unlike windowed streams.
            BatchCommitter committer = new BatchCommitter(pipelineName, positions);
            DStreams.foreachBatch(allSources, (rdd, time) -> committer.commit(time));
        }

        /** How many later steps and sinks read each named stream, by name or as the previous step. */
        private Map<String, Integer> countUses() {
            Map<String, Integer> uses = new java.util.HashMap<>();
            String previous = null;
            for (ComponentConfig transform : components.transforms().keySet()) {
                String read = transform.input().orElse(previous);
                if (read != null) {
                    uses.merge(read, 1, Integer::sum);
                }
                previous = transform.name();
            }
            for (ComponentConfig sink : components.sinks().keySet()) {
                String read = sink.input().orElse(previous);
                if (read != null) {
                    uses.merge(read, 1, Integer::sum);
                }
            }
            return uses;
        }

        /**
         * A stream several steps read: its pending record steps run once, and each batch is kept
         * until every reader is done, instead of every reader recomputing it from the source.
         */
        private PendingStream share(String name, PendingStream pending) {
            JavaDStream<Record> shared = materialize(pending);
            shared.persist(StorageLevel.MEMORY_ONLY_SER());
            PendingStream materialized = new PendingStream(shared, List.of(), false);
            streams.put(name, materialized);
            return materialized;
        }

        @SuppressWarnings("unchecked")
        private JavaDStream<Record> union(List<JavaDStream<Record>> streams) {
            return streams.size() == 1 ? streams.get(0) : context.union(streams.toArray(new JavaDStream[0]));
        }

        private List<JavaDStream<Record>> openSources() {
            List<JavaDStream<Record>> opened = new ArrayList<>();
            for (Map.Entry<ComponentConfig, Source> entry : components.sources().entrySet()) {
                String name = entry.getKey().name();
                Source source = entry.getValue();
                Optional<Positions> stored = storedPositions(name);
                JavaDStream<Record> stream = source.open(new PlannerSourceContext(context, name, stored));
                source.positions().ifPresent(tracker -> positions.put(name, tracker));
                List<RecordStep> decode = source.decoder()
                        .map(function -> List.of(new RecordStep(entry.getKey().label() + " decode", function)))
                        .orElse(List.of());
                source.decoder().ifPresent(function -> decoders.put(name, function));
                decoderLabels.put(name, entry.getKey().label() + " decode");
                streams.put(name, new PendingStream(stream, decode, true));
                opened.add(stream);
            }
            return opened;
        }

        /**
         * The sources' decoders as the first step over the union of the sources: one step per
         * decoder when there is one source, else one step that hands each record to the decoder of
         * the source its origin names.
         */
        private List<RecordStep> decoderSteps() {
            if (decoders.isEmpty()) {
                return List.of();
            }
            if (components.sources().size() == 1) {
                Map.Entry<String, RecordFunction> only = decoders.entrySet().iterator().next();
                return List.of(new RecordStep(decoderLabels.get(only.getKey()), only.getValue()));
            }
            return List.of(new RecordStep("sources decode", new SourceDecoders(decoders)));
        }

        /** A transactional sink's positions win: they were stored with the data they describe. */
        private Optional<Positions> storedPositions(String sourceName) {
            try {
                for (Sink sink : components.sinks().values()) {
                    Optional<Positions> stored = sink.storedPositions(sourceName);
                    if (stored.isPresent()) {
                        return stored;
                    }
                }
                return positionStore.read(sourceName);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read stored positions of source [" + sourceName + "]", e);
            }
        }

        private PendingStream applyTransform(ComponentConfig config, Transform transform, PendingStream input) {
            if (transform instanceof RecordTransform recordTransform) {
                return input.with(new RecordStep(config.label(), recordTransform.function()));
            }
            if (transform instanceof StreamTransform streamTransform) {
                PendingStream prepared = streamTransform.prepare()
                        .map(function -> input.with(new RecordStep(config.label(), function)))
                        .orElse(input);
                JavaDStream<Record> result = streamTransform.apply(new PlannerTransformContext(config, materialize(prepared)));
                return new PendingStream(result, List.of(), false);
            }
            throw SluiceException.internal(config.label() + ": transform " + transform.getClass().getName()
                    + " is neither a RecordTransform nor a StreamTransform", null);
        }

        private PendingStream pendingNamed(String name) {
            PendingStream stream = streams.get(name);
            if (stream == null) {
                throw SluiceException.user("no stream named [" + name + "]"
                        + DidYouMean.suggest(name, streams.keySet()).map(s -> "; did you mean [" + s + "]?").orElse("")
                        + "; known streams are " + streams.keySet());
            }
            return stream;
        }

        /** Applies a stream's pending record steps as one fused pass. */
        private JavaDStream<Record> materialize(PendingStream pending) {
            if (pending.steps().isEmpty() && !pending.fromSource()) {
                return pending.stream();
            }
            FusedPass pass = new FusedPass(pending.steps(), pending.fromSource());
            String pipeline = pipelineName;
            if (tolerance == ErrorTolerance.NONE) {
                return DStreams.transform(pending.stream(), (rdd, time) -> {
                    FusedPass.Counters counters = counters(pipeline);
                    return Rdds.mapPartitions(rdd, records -> pass.strict(records, counters), pass.keepsPartitioningOf(rdd));
                });
            }
            JavaDStream<Outcome> outcomes = DStreams.transform(pending.stream(), (rdd, time) -> {
                FusedPass.Counters counters = counters(pipeline);
                long batchTime = time.milliseconds();
                return Rdds.mapPartitions(rdd, records -> pass.tolerant(records, counters, batchTime), pass.keepsPartitioningOf(rdd));
            });
            // Read twice (records and dead letters): keep each batch so the pass runs once.
            outcomes.persist(StorageLevel.MEMORY_AND_DISK_SER());
            deadLetterStreams.add(DStreams.transform(outcomes, (rdd, time) -> Outcome.deadLetters(rdd)));
            return DStreams.transform(outcomes, (rdd, time) -> Outcome.records(rdd));
        }

        private SinkWriterJob deadLetterJob() {
            if (tolerance != ErrorTolerance.ALL) {
                return null;
            }
            Map.Entry<ComponentConfig, Sink> deadLetter = components.deadLetter()
                    .orElseThrow(() -> SluiceException.user("errors.tolerance = all needs errors.dead-letter"));
            return sinkJob(deadLetter.getKey(), deadLetter.getValue(), null);
        }

        private SinkWriterJob sinkJob(ComponentConfig config, Sink sink, SinkWriterJob deadLetters) {
            return new SinkWriterJob(pipelineName, config.name(), config.label(), sink.writerFactory(),
                    components.retryPolicy(config), sink.requiresSinglePartition(), positions, deadLetters);
        }

        private final class PlannerTransformContext implements StreamTransformContext {
            private final ComponentConfig config;
            private final JavaDStream<Record> input;

            PlannerTransformContext(ComponentConfig config, JavaDStream<Record> input) {
                this.config = config;
                this.input = input;
            }

            @Override
            public JavaDStream<Record> input() {
                return input;
            }

            @Override
            public JavaDStream<Record> stream(String name) {
                PendingStream named = pendingNamed(name);
                JavaDStream<Record> stream = materialize(named);
                streams.put(name, new PendingStream(stream, List.of(), false));
                return stream;
            }

            @Override
            public StateStore stateStore() {
                return components.stateStore();
            }

            @Override
            public Duration batchInterval() {
                return components.pipeline().config().settings().batchInterval();
            }

            @Override
            public String name() {
                return pipelineName + "." + config.name();
            }
        }
    }

    private static FusedPass.Counters counters(String pipelineName) {
        var counters = RuntimeServices.of(pipelineName).counters();
        return new FusedPass.Counters(counters.read(), counters.filtered(), counters.deadLettered());
    }

    private record PlannerSourceContext(JavaStreamingContext streamingContext, String sourceName, Optional<Positions> storedPositions)
            implements SourceContext {
    }
}
