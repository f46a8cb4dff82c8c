package io.sluice.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The {@code pipeline { ... }} block: name, batch interval, checkpoint location, Spark master and
 * Spark settings, and the monitoring endpoint. Declared with option specs like any plugin, so it
 * is checked the same way.
 */
public record PipelineSettings(
        String name,
        Duration batchInterval,
        String checkpoint,
        String master,
        Map<String, String> sparkConf,
        Duration stopTimeout,
        Optional<Integer> httpPort,
        String httpHost) {
    static final OptionSpec<String> NAME = OptionSpec.string("name").required()
            .doc("The pipeline's name: names its checkpoint, state keys, markers and metrics");
    static final OptionSpec<Duration> BATCH_INTERVAL = OptionSpec.duration("batch-interval")
            .defaultValue(Duration.ofSeconds(5)).atLeast(10)
            .doc("How often a micro-batch is cut");
    static final OptionSpec<String> CHECKPOINT = OptionSpec.string("checkpoint")
            .doc("Hadoop file system URI of the checkpoint directory (file:, hdfs:); default file:./work/<name>");
    static final OptionSpec<String> MASTER = OptionSpec.string("master").defaultValue("local[2]")
            .doc("Spark master URL: local[N] runs embedded, spark://host:7077 submits to a standalone cluster");
    static final OptionSpec<Map<String, Object>> SPARK = OptionSpec.object("spark")
            .doc("Spark settings passed as they are, e.g. { \"spark.executor.memory\" = 2g }");
    static final OptionSpec<Duration> STOP_TIMEOUT = OptionSpec.duration("stop-timeout")
            .defaultValue(Duration.ofSeconds(60)).atLeast(1000)
            .doc("How long a graceful stop may wait for the batch in progress; after it, Spark is stopped under the batch, which the next run repeats");

    static final OptionSpec<Integer> HTTP_PORT = OptionSpec.integer("http-port").atLeast(0).atMost(65535)
            .doc("Serve /metrics (Prometheus) and /health on this port while running (0: any free port); unset: no endpoint");
    static final OptionSpec<String> HTTP_HOST = OptionSpec.string("http-host").defaultValue("0.0.0.0")
            .doc("Address the /metrics and /health endpoint listens on");

    static final OptionSpecs SPECS = OptionSpecs.of(NAME, BATCH_INTERVAL, CHECKPOINT, MASTER, SPARK, STOP_TIMEOUT, HTTP_PORT, HTTP_HOST);

    public PipelineSettings {
        requireNonNull(name, "name is null");
        requireNonNull(batchInterval, "batchInterval is null");
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(master, "master is null");
        sparkConf = Map.copyOf(sparkConf);
        requireNonNull(stopTimeout, "stopTimeout is null");
        requireNonNull(httpPort, "httpPort is null");
        requireNonNull(httpHost, "httpHost is null");
    }

    static PipelineSettings from(Options options) {
        String name = options.get(NAME);
        Map<String, String> spark = new java.util.TreeMap<>();
        options.find(SPARK).ifPresent(block -> flatten("", block, spark));
        return new PipelineSettings(
                name,
                options.get(BATCH_INTERVAL),
                options.find(CHECKPOINT).orElse("file:./work/" + name),
                options.get(MASTER),
                spark,
                options.get(STOP_TIMEOUT),
                options.find(HTTP_PORT),
                options.get(HTTP_HOST));
    }

    // HOCON turns "spark.executor.memory = 2g" into nested blocks; Spark wants dotted keys back.
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> block, Map<String, String> out) {
        block.forEach((key, value) -> {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(full, (Map<String, Object>) nested, out);
            }
            else {
                out.put(full, String.valueOf(value));
            }
        });
    }
}
