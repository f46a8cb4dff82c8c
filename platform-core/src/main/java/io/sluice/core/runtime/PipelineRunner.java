package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Durations;
import io.sluice.api.sink.Sink;
import io.sluice.api.source.Source;
import io.sluice.core.config.ComponentConfig;
import io.sluice.core.config.PipelineSettings;
import io.sluice.core.plan.PipelinePlanner;
import io.sluice.core.plugin.BoundPipeline;

/**
 * Runs one pipeline until it is stopped, its duration passes, or a batch fails for good.
 *
 * <p>Start-up: start the Spark context on another thread; meanwhile create the plugins' driver
 * objects, register them for the stream graph's functions, and let the sinks and sources check
 * their external systems; then either recover from the Spark checkpoint (when it was made by the
 * same pipeline file) or plan afresh, with sources starting from stored positions.
 * {@link #requestStop()} (SIGTERM in the CLI) stops gracefully: the batch in progress completes,
 * its positions are committed, then the pipeline stops. A stop that exceeds
 * {@code pipeline.stop-timeout} is forced by stopping Spark under the batch in progress, whose
 * positions then stay uncommitted; Spark's stop has been seen to hang.
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final String DRIVER_LOG_CLASS = "spark.streaming.driver.writeAheadLog.class";

    private final BoundPipeline pipeline;
    private final RunOptions options;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final BatchStats stats = new BatchStats();

    /** How a run ended. */
    public enum Outcome {
        /** Its duration passed and it stopped gracefully. */
        COMPLETED,
        /** It was asked to stop and stopped gracefully. */
        STOPPED
    }

    public PipelineRunner(BoundPipeline pipeline, RunOptions options) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Batches completed so far by this runner's run. */
    public long completedBatches() {
        return stats.completedBatches.get();
    }

    /** Asks a running pipeline to stop after the batch in progress; returns at once. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /**
     * Runs the pipeline on the calling thread.
     *
     * @throws SluiceException when the pipeline fails: a batch failed for good, or a record was bad under {@code tolerance = none}
     */
    public Outcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a runner runs once");
        }
        // Spark's embedded executors and checkpoint reads resolve classes through this loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pipeline.classLoader());
        try {
            return runWithPlugins();
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Outcome runWithPlugins() {
        long began = System.currentTimeMillis();
        PipelineSettings settings = pipeline.config().settings();
        SparkConf sparkConf = sparkConf(settings);
        // Starting Spark takes a good part of a second in a fresh JVM, and so do the checks that come
        // before the first batch (Hadoop's file system for the checkpoint, a Kafka client, a database
        // connection): do them at once. A recovery runs on this context too: Spark's getOrCreate takes
        // the active context instead of making one from the checkpoint's settings, which are this
        // pipeline file's anyway (the fingerprint check below moves any other file's checkpoint aside).
        CompletableFuture<SparkContext> sparkStart = startSpark(sparkConf);
        CheckpointDirectory checkpoint;
        Configuration hadoopConf;
        PipelineComponents components;
        try {
            hadoopConf = SparkHadoopUtil.get().newConfiguration(sparkConf);
            checkpoint = new CheckpointDirectory(settings.checkpoint(), hadoopConf);
            if (checkpoint.hasSparkCheckpoint() && !checkpoint.fingerprint().map(pipeline.config().fingerprint()::equals).orElse(false)) {
                String aside = checkpoint.moveSparkCheckpointAside(System.currentTimeMillis());
                options.out().println("The pipeline file changed since its checkpoint was made: moved the old checkpoint to " + aside
                        + "; windows and state start empty, sources resume from their stored positions.");
            }
            components = new PipelineComponents(pipeline);
        }
        catch (RuntimeException | Error e) {
            stopStarted(sparkStart);
            throw e;
        }

        PipelineCounters counters = new PipelineCounters();
        PositionStore positionStore = checkpoint.positionStore();
        RuntimeServices.register(settings.name(), components.sinksByName(), positionStore, counters);
        JavaStreamingContext context = null;
        MonitoringServer monitoring = null;
        try {
            prepareSinks(components);
            prepareSources(components);
            // Before getOrCreate, which would otherwise start a second context.
            SparkContext spark = awaitSpark(sparkStart);
            AtomicBoolean planned = new AtomicBoolean();
            context = JavaStreamingContext.getOrCreate(checkpoint.sparkCheckpoint(), () -> {
                planned.set(true);
                JavaStreamingContext created = new JavaStreamingContext(new JavaSparkContext(spark),
                        new org.apache.spark.streaming.Duration(settings.batchInterval().toMillis()));
                try {
                    created.checkpoint(checkpoint.sparkCheckpoint());
                    new PipelinePlanner(components, positionStore).plan(created);
                }
                catch (RuntimeException | Error e) {
                    // Not yet ours to stop below: without this the JVM keeps a SparkContext and the next run fails.
                    created.stop(true, false);
                    throw e;
                }
                return created;
            }, hadoopConf);
            if (planned.get()) {
                checkpoint.writeFingerprint(pipeline.config().fingerprint());
            }
            counters.bind(context.sparkContext().sc());
            printBanner(components, checkpoint, planned.get());
            context.addStreamingListener(new StatusReporter(counters, stats, options.liveStatus() ? options.out() : null));
            monitoring = settings.httpPort()
                    .map(port -> MonitoringServer.start(settings.httpHost(), port, settings.name(), counters, stats, settings.batchInterval()))
                    .orElse(null);
            if (monitoring != null) {
                options.out().println("Monitoring: http://" + settings.httpHost() + ":" + monitoring.port() + "/metrics and /health");
            }
            // A fresh run's first batch at once (PromptStartClock). The scheduler is Spark's
            // private[streaming] member, public in its bytecode; a file may name another clock.
            if (planned.get() && context.ssc().scheduler().clock() instanceof PromptStartClock clock) {
                clock.startPromptly(settings.batchInterval().toMillis(), began);
            }
            // Read when the streaming context starts, once the sources' streams are known: see
            // ReceiverlessDriverLog. The context's conf is Spark's own, private[streaming] as above.
            if (context.ssc().graph().getReceiverInputStreams().length == 0) {
                context.ssc().conf().setIfMissing(DRIVER_LOG_CLASS, ReceiverlessDriverLog.class.getName());
            }
            context.start();
            Outcome outcome = awaitEnd(context);
            stop(context, settings.stopTimeout(), true);
            if (options.liveStatus()) {
                options.out().println();
            }
            return outcome;
        }
        // Exception, not RuntimeException: Scala code (context.start()'s serializability check) throws checked ones.
        catch (Exception | Error e) {
            if (context != null) {
                stop(context, settings.stopTimeout(), false);
            }
            else {
                stopStarted(sparkStart);
            }
            throw failure(e, checkpoint);
        }
        finally {
            if (monitoring != null) {
                monitoring.close();
            }
            components.close();
            RuntimeServices.unregister(settings.name());
        }
    }

    private SparkConf sparkConf(PipelineSettings settings) {
        SparkConf conf = new SparkConf()
                .setAppName("sluice-" + settings.name())
                .setMaster(options.master().orElse(settings.master()))
                .set("spark.ui.enabled", "false")
                .set("spark.serializer", KryoSerializer.class.getName())
                .set("spark.kryo.registrator", SluiceKryoRegistrator.class.getName())
                // The runner owns graceful stop (SIGTERM); Spark's hook would race it.
                .set("spark.streaming.stopGracefullyOnShutdown", "false")
                // Pipelines with receivers: the batching driver log is closed before its last cleanup
                // write on every stop, and logs a stack trace for it; the plain log is not.
                .set("spark.streaming.driver.writeAheadLog.allowBatching", "false")
                .set("spark.streaming.clock", PromptStartClock.class.getName());
        settings.sparkConf().forEach(conf::set);
        if (conf.get("spark.master").startsWith("local")) {
            // Local checkpoints and files without a chmod process per file (NioLocalFileSystem), unless
            // the file names another. Only on embedded Spark: a cluster's executors would have to load
            // the class before any jar of the application reached them.
            conf.setIfMissing("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        }
        else {
            List<String> jars = new ArrayList<>(ClusterJars.of(pipeline.classLoader()));
            if (conf.contains("spark.jars") && !conf.get("spark.jars").isBlank()) {
                jars.add(conf.get("spark.jars"));
            }
            conf.set("spark.jars", String.join(",", jars));
        }
        return conf;
    }

    /** Creates the Spark context on a thread of its own; the plugins' loader is its context loader, as Spark's executors need. */
    private CompletableFuture<SparkContext> startSpark(SparkConf conf) {
        CompletableFuture<SparkContext> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                SparkContext spark = new SparkContext(conf);
                started.complete(spark);
                SparkWarmUp.start(spark, pipeline.classLoader());
            }
            catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "sluice-spark-start");
        starter.setContextClassLoader(pipeline.classLoader());
        starter.setDaemon(true);
        starter.start();
        return started;
    }

    /** The started Spark context; rethrows what starting it threw. */
    private static SparkContext awaitSpark(CompletableFuture<SparkContext> start) {
        try {
            return start.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops a context started for a run that failed before it had a streaming context: the next run in this JVM needs it gone. */
    private static void stopStarted(CompletableFuture<SparkContext> start) {
        try {
            start.join().stop();
        }
        catch (RuntimeException e) {
            LOG.debug("Spark did not start, or did not stop: {}", e.toString());
        }
    }

    private static void prepareSources(PipelineComponents components) {
        for (Map.Entry<ComponentConfig, Source> entry : components.sources().entrySet()) {
            try {
                entry.getValue().prepare();
            }
            catch (IOException e) {
                throw SluiceException.external(entry.getKey().name() + ": preparing the source failed: " + e.getMessage(), e);
            }
        }
    }

    private static void prepareSinks(PipelineComponents components) {
        for (Map.Entry<String, Sink> entry : components.sinksByName().entrySet()) {
            try {
                entry.getValue().prepare();
            }
            catch (IOException e) {
                throw SluiceException.external(entry.getKey() + ": preparing the sink failed: " + e.getMessage(), e);
            }
        }
    }

    private void printBanner(PipelineComponents components, CheckpointDirectory checkpoint, boolean planned) {
        PipelineSettings settings = pipeline.config().settings();
        options.out().printf("Sluice pipeline [%s] %s; batch interval %s; checkpoint %s%n", settings.name(),
                planned ? "started" : "recovered from its checkpoint", Durations.format(settings.batchInterval()), checkpoint);
        options.out().println("Delivery: " + DeliveryReport.of(components.sources(), components.sinks()));
        options.out().println("State: " + components.stateStore().describe());
        for (String warning : pipeline.warnings()) {
            options.out().println("Warning: " + warning);
        }
        options.out().flush();
    }

    private Outcome awaitEnd(JavaStreamingContext context) {
        long deadline = options.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                // Rethrows the error of a failed batch.
                if (context.awaitTerminationOrTimeout(200)) {
                    throw SluiceException.internal("the streaming context stopped by itself", null);
                }
                if (stopRequested.await(0, TimeUnit.MILLISECONDS)) {
                    return Outcome.STOPPED;
                }
                if (System.nanoTime() >= deadline) {
                    return Outcome.COMPLETED;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.STOPPED;
        }
    }

    /**
     * Stops on another thread, bounded by {@code timeout}: a graceful stop waits for the batch in
     * progress, and Spark's stop has been seen to hang. Past it, Spark itself is stopped, which fails
     * that batch: its positions are not committed, and the next run repeats it.
     */
    private static void stop(JavaStreamingContext context, Duration timeout, boolean gracefully) {
        Thread stopper = daemon("sluice-stop", () -> context.stop(true, gracefully));
        try {
            stopper.join(timeout.toMillis());
            if (!stopper.isAlive()) {
                return;
            }
            LOG.warn("The pipeline did not stop within {}; stopping Spark under the batch in progress", Durations.format(timeout));
            // StreamingContext.stop holds the context's lock for as long as it waits, so stopping it
            // again, without grace, would only wait behind it. Stopping Spark cancels the batch's jobs.
            daemon("sluice-stop-spark", () -> context.sparkContext().stop());
            stopper.join(timeout.toMillis());
            if (stopper.isAlive()) {
                LOG.warn("The batch in progress did not end within {} of stopping Spark (a sink's driver-side call that does not"
                        + " return?); leaving it behind", Durations.format(timeout));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable stop) {
        Thread thread = new Thread(() -> {
            try {
                stop.run();
            }
            catch (RuntimeException e) {
                LOG.warn("Stopping the pipeline failed: {}", e.toString());
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static SluiceException failure(Throwable e, CheckpointDirectory checkpoint) {
        boolean unreadableCheckpoint = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SluiceException sluice) {
                return sluice;
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith("Failed to read checkpoint")) {
                unreadableCheckpoint = true;
            }
            // Classes or functions that changed, or are gone, since the checkpoint was written: another build.
            Optional<String> changed = unreadableCheckpoint ? changedSinceWritten(cause) : Optional.empty();
            if (changed.isPresent()) {
                return SluiceException.user("the Spark checkpoint [" + checkpoint.sparkCheckpoint() + "] was written by another build of"
                        + " Sluice, its plugins or Spark, and cannot be read by this one (" + changed.get() + "); run the build that"
                        + " wrote it, or move that directory aside to start with empty windows and state, the sources resuming from"
                        + " their stored positions");
            }
        }
        return SluiceException.internal("the pipeline failed: " + e, e);
    }

    /** What a deserialization failure says changed in this build's classes, if that is what it is. */
    private static Optional<String> changedSinceWritten(Throwable failure) {
        if (failure instanceof InvalidClassException || failure instanceof ClassNotFoundException) {
            return Optional.of(failure.getMessage());
        }
        if (failure instanceof InvalidObjectException) {
            // A saved lambda whose class no longer has it: the class's $deserializeLambda$ rejects it.
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                StackTraceElement[] trace = cause.getStackTrace();
                if (cause instanceof IllegalArgumentException && trace.length > 0 && trace[0].getMethodName().equals("$deserializeLambda$")) {
                    return Optional.of("a function saved from " + trace[0].getClassName() + " is not in this build's");
                }
            }
        }
        return Optional.empty();
    }
}
