package io.sluice.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.spark.streaming.StreamingContext;

import io.sluice.core.config.PipelineConfigLoader;
import io.sluice.core.plugin.BoundPipeline;
import io.sluice.core.plugin.PipelineBinder;
import io.sluice.core.plugin.PluginLoader;
import io.sluice.core.plugin.PluginRegistry;
import io.sluice.core.runtime.PipelineRunner;
import io.sluice.core.runtime.RunOptions;

/** Binds and runs pipelines in the test JVM on embedded Spark, one at a time. */
public final class TestPipelines {
    public static final PluginRegistry REGISTRY = PluginLoader.load(TestPipelines.class.getClassLoader());

    private TestPipelines() {}

    /** Writes a pipeline file into {@code directory} and returns its path. */
    public static Path write(Path directory, String name, String hocon) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            Files.writeString(file, hocon, UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BoundPipeline bind(Path file, String... overrides) {
        return new PipelineBinder(REGISTRY).bind(new PipelineConfigLoader().load(file, List.of(overrides)));
    }

    /** Starts a pipeline on another thread. */
    public static Running start(BoundPipeline pipeline) {
        PipelineRunner runner = new PipelineRunner(pipeline, RunOptions.defaults());
        CompletableFuture<PipelineRunner.Outcome> outcome = CompletableFuture.supplyAsync(runner::run);
        return new Running(runner, outcome);
    }

    /** A running pipeline. */
    public record Running(PipelineRunner runner, CompletableFuture<PipelineRunner.Outcome> outcome) {
        /** Waits until {@code condition} holds (or the pipeline ended), then stops gracefully and returns how it ended. */
        public PipelineRunner.Outcome stopWhen(BooleanSupplier condition, Duration timeout) throws Exception {
            await(condition, timeout);
            runner.requestStop();
            return outcome.get(90, TimeUnit.SECONDS);
        }

        /** Waits until {@code condition} holds, then {@linkplain #kill kills} the pipeline. */
        public void killWhen(BooleanSupplier condition, Duration timeout) throws Exception {
            await(condition, timeout);
            kill(Duration.ofSeconds(60));
        }

        private void await(BooleanSupplier condition, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean() && !outcome.isDone()) {
                if (System.nanoTime() > deadline) {
                    runner.requestStop();
                    outcome.get(60, TimeUnit.SECONDS);
                    throw new AssertionError("condition not reached within " + timeout);
                }
                Thread.sleep(50);
            }
        }

        /**
         * Stops the pipeline abruptly, as a crash would: the SparkContext stops first, which fails
         * the batch in progress and every later one (so none of them completes, and the checkpoint
         * keeps them pending), then the streaming context stops without the runner's graceful path,
         * and the runner ends with an error. Bounded: Spark's stop has been seen to hang.
         */
        public void kill(Duration timeout) throws Exception {
            scala.Option<StreamingContext> active = StreamingContext.getActive();
            if (active.isEmpty()) {
                throw new AssertionError("no active streaming context to kill");
            }
            StreamingContext context = active.get();
            Thread killer = new Thread(() -> {
                context.sparkContext().stop();
                context.stop(false, false);
            }, "test-kill");
            killer.setDaemon(true);
            killer.start();
            killer.join(timeout.toMillis());
            try {
                outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.ExecutionException expected) {
                // The runner reports that its batches failed or its context stopped under it: that is the kill.
            }
        }

        /** Waits for the pipeline to end by itself (a failure), returning its error. */
        public Throwable awaitFailure(Duration timeout) throws Exception {
            try {
                outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
            throw new AssertionError("the pipeline did not fail");
        }
    }
}
