package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.serializer.KryoSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.core.config.PipelineSettings;

/**
 * A pipeline's Spark context, starting on a thread of its own. Starting Spark takes a good part of
 * a second in a fresh JVM, and so does what comes before the first batch on the calling thread
 * (loading the plugins, checking the pipeline's components, Hadoop's file system for the
 * checkpoint, the sources' checks): {@code sluice run} begins it as soon as it has read the
 * pipeline file's settings, and a {@link PipelineRunner} takes it over. The plugins' loader is the
 * starting thread's context loader, which Spark's embedded executors inherit.
 */
public final class SparkStart {
    private static final Logger LOG = LoggerFactory.getLogger(SparkStart.class);

    private final PipelineSettings settings;
    private final RunOptions options;
    private final ClassLoader pluginLoader;
    private final CompletableFuture<SparkContext> context = new CompletableFuture<>();

    private SparkStart(PipelineSettings settings, RunOptions options, ClassLoader pluginLoader) {
        this.settings = requireNonNull(settings, "settings is null");
        this.options = requireNonNull(options, "options is null");
        this.pluginLoader = requireNonNull(pluginLoader, "pluginLoader is null");
    }

    /**
     * Starts the context for a pipeline with these settings, {@code options.master()} overriding
     * theirs; returns at once.
     */
    public static SparkStart begin(PipelineSettings settings, RunOptions options, ClassLoader pluginLoader) {
        SparkStart start = new SparkStart(settings, options, pluginLoader);
        Thread starter = new Thread(() -> {
            try {
                SparkContext spark = new SparkContext(start.contextConf());
                start.context.complete(spark);
                SparkWarmUp.start(spark, pluginLoader);
            }
            catch (RuntimeException | Error e) {
                start.context.completeExceptionally(e);
            }
        }, "sluice-spark-start");
        starter.setContextClassLoader(pluginLoader);
        starter.setDaemon(true);
        starter.start();
        return start;
    }

    ClassLoader pluginLoader() {
        return pluginLoader;
    }

    /**
     * The Hadoop configuration the context gets ({@code spark.hadoop.*} settings over Hadoop's
     * files), for what needs it before the context is up: the checkpoint directory.
     */
    Configuration hadoopConfiguration() {
        return SparkHadoopUtil.get().newConfiguration(settingsConf());
    }

    /** The started context; waits for it, and rethrows what starting it threw. */
    SparkContext await() {
        try {
            return context.join();
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

    /**
     * Stops the context of a run that failed before it had a streaming context (a pipeline file
     * whose components do not check out, a source that cannot reach its system): the next run in
     * this JVM needs it gone. Waits for it to finish starting.
     */
    public void stop() {
        try {
            context.join().stop();
        }
        catch (RuntimeException e) {
            LOG.debug("Spark did not start, or did not stop: {}", e.toString());
        }
    }

    /** The settings Sluice gives every pipeline's context, then the pipeline file's. */
    private SparkConf settingsConf() {
        SparkConf conf = new SparkConf()
                .setAppName("sluice-" + settings.name())
                .setMaster(options.master().orElse(settings.master()))
                .set("spark.ui.enabled", "false")
                .set("spark.serializer", KryoSerializer.class.getName())
                .set("spark.kryo.registrator", SluiceKryoRegistrator.class.getName())
                // The runner owns graceful stop (SIGTERM); Spark's hook would race it.
                .set("spark.streaming.stopGracefullyOnShutdown", "false")
                // The batching driver log is closed before its last cleanup write on every stop and
                // logs a stack trace per batch for pipelines without receivers; the plain log is not.
                .set("spark.streaming.driver.writeAheadLog.allowBatching", "false");
        settings.sparkConf().forEach(conf::set);
        return conf;
    }

    /** With, on a cluster, the jars the executors need. */
    private SparkConf contextConf() {
        SparkConf conf = settingsConf();
        if (!conf.get("spark.master").startsWith("local")) {
            List<String> jars = new ArrayList<>(ClusterJars.of(pluginLoader));
            if (conf.contains("spark.jars") && !conf.get("spark.jars").isBlank()) {
                jars.add(conf.get("spark.jars"));
            }
            conf.set("spark.jars", String.join(",", jars));
        }
        return conf;
    }
}
