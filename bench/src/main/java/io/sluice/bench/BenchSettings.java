package io.sluice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The harness's options, {@code --name=value}; every one has a default, so the bare command runs
 * the benchmark.
 *
 * @param lines N, the lines in the topic
 * @param repeats catch-up rounds; variants alternate order each round and medians are reported
 * @param sustainedRepeats rate searches per variant
 * @param launchProbes probes per variant at the fixed rate, each search's first one included: their
 *     medians are the launch time and the batch time at that rate
 * @param fixedRate the offered rate (lines/s) of the first sustained probe, also reported on its own
 * @param maxProbes sustained probes per variant and search, the search's time bound
 * @param warmUpBatches sustained: the first batches of a probe, left out of its verdict
 * @param maxRate the highest rate (lines/s) a sustained probe offers; the sustained topic grows to hold the probes' lines
 * @param bootstrapServers an existing broker whose topic already holds the N lines (skips start and fill; the
 *     sustained topic is still created or grown there)
 * @param baselineSluiceHome another Sluice distribution, run as variant {@code sluice-baseline} (before/after)
 * @param jvmOptions extra options for every variant's JVM, after the harness's own (Sluice's in {@code SLUICE_OPTS})
 * @param stateKeys state mode: K, the distinct keys every batch updates
 * @param stateBatches state mode: batches per state store, the first of them the warm-up
 * @param stateHeap state mode: -Xmx of Sluice's JVM, for both stores
 * @param redisUri state mode: the Redis (and database) the redis store runs against; its keys under
 *     {@link StateRun#KEY_PREFIX} are deleted before and after
 */
record BenchSettings(long lines, int partitions, String heap, int repeats, int sustainedRepeats, int launchProbes, List<String> modes,
        List<Variant> variants, long fixedRate, int maxProbes, long maxRate, int probeBatches, int warmUpBatches, Optional<String> bootstrapServers,
        String topic, Path sluiceHome, Optional<Path> baselineSluiceHome, List<String> jvmOptions, Path results, long stateKeys, int stateBatches,
        String stateHeap, String redisUri) {
    static final List<String> MODES = List.of("catch-up", "sustained", "state");
    static final long DEFAULT_LINES = 5_000_000;
    static final String DEFAULT_TOPIC = "bench-log-lines";
    /** Of every topic the harness fills: how many lines a batch reads per partition depends on it. */
    static final int PARTITIONS = 4;

    static final String USAGE = """
            usage: java -jar bench/target/sluice-bench.jar [--name=value]...
              --lines=5000000          N lines in the topic (4 partitions, ~100 bytes each)
              --heap=2g                -Xmx of every variant's JVM
              --repeats=3              catch-up rounds (variant order alternates; medians reported)
              --sustained-repeats=1    sustained rate searches per variant
              --launch-probes=3        probes per variant at --fixed-rate (alternating; each search's first one
                                       counts): the medians of launch and batch time come from them
              --modes=catch-up,sustained,state
              --variants=hand-written,sluice,kafka-streams,raw-consumer,raw-consumer-2
              --fixed-rate=100000      first sustained probe (lines/s); its batch times are reported too
              --max-probes=9           probes per rate search
              --max-rate=4000000       highest sustained probe (lines/s)
              --probe-batches=6        1 s batches per probe
              --warm-up-batches=2      of them, the first ones left out of the verdict
              --bootstrap-servers=H:P  use this broker and its filled --topic instead of starting one
                                       (sustained probes still create or grow <topic>-sustained there)
              --topic=bench-log-lines
              --sluice-home=DIR        default: distribution/target/sluice-*/ next to this jar's module
              --baseline-sluice-home=DIR  also run this Sluice build as variant sluice-baseline (before/after)
              --jvm-options="-XX:..."  extra options for every variant's JVM (Sluice's in SLUICE_OPTS), e.g. to give
                                       the others the JIT thresholds bin/sluice sets
              --results=bench/results
              --state-keys=1000000     state mode: distinct keys each batch updates (a multiple of 4)
              --state-batches=11       state mode: batches per state store, the first one a warm-up
              --state-heap=6g          state mode: -Xmx of Sluice's JVM, for both stores
              --redis-uri=redis://127.0.0.1:6379/15  state mode: the redis store's server and database
            also: java -jar bench/target/sluice-bench.jar jmh [JMH options]   (microbenchmarks)
                  java -jar bench/target/sluice-bench.jar broker [--lines=N] [--topic=T]
                      starts a broker, fills the topic as a run does, prints its address, runs until stopped
            """;

    static BenchSettings parse(String[] args, Path benchJar) {
        long lines = DEFAULT_LINES;
        String heap = "2g";
        int repeats = 3;
        int sustainedRepeats = 1;
        int launchProbes = 3;
        List<String> modes = MODES;
        List<Variant> variants = null;
        long fixedRate = 100_000;
        // From 100 000 lines/s: doubling up to 3 200 000 (six probes), then three bisection steps.
        int maxProbes = 9;
        long maxRate = 4_000_000;
        int probeBatches = 6;
        int warmUpBatches = 2;
        Optional<String> bootstrap = Optional.empty();
        String topic = DEFAULT_TOPIC;
        Path repository = benchJar.toAbsolutePath().getParent().getParent().getParent();
        Path sluiceHome = null;
        Optional<Path> baseline = Optional.empty();
        List<String> jvmOptions = List.of();
        Path results = repository.resolve("bench/results");
        long stateKeys = 1_000_000;
        // A warm-up and ten measured batches, so the checkpoint store's periodic state checkpoint
        // (Spark saves mapWithState's state every tenth batch) is among them.
        int stateBatches = 11;
        // mapWithState keeps a chain of up to 20 state versions, and when every key changes each
        // batch each version holds every key: with 1 000 000 keys the checkpoint store ran out of
        // a 2 GB heap at its ninth batch.
        String stateHeap = "6g";
        String redisUri = "redis://127.0.0.1:6379/15";
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got [" + arg + "]\n" + USAGE);
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "lines" -> lines = Long.parseLong(value.replace("_", ""));
                case "heap" -> heap = value;
                case "repeats" -> repeats = Integer.parseInt(value);
                case "sustained-repeats" -> sustainedRepeats = Integer.parseInt(value);
                case "launch-probes" -> launchProbes = Integer.parseInt(value);
                case "modes" -> modes = List.of(value.split(","));
                case "variants" -> {
                    List<Variant> chosen = new ArrayList<>();
                    for (String id : value.split(",")) {
                        chosen.add(Variant.byId(id));
                    }
                    variants = List.copyOf(chosen);
                }
                case "fixed-rate" -> fixedRate = Long.parseLong(value.replace("_", ""));
                case "max-probes" -> maxProbes = Integer.parseInt(value);
                case "max-rate" -> maxRate = Long.parseLong(value.replace("_", ""));
                case "probe-batches" -> probeBatches = Integer.parseInt(value);
                case "warm-up-batches" -> warmUpBatches = Integer.parseInt(value);
                case "bootstrap-servers" -> bootstrap = Optional.of(value);
                case "topic" -> topic = value;
                case "sluice-home" -> sluiceHome = Path.of(value);
                case "baseline-sluice-home" -> baseline = Optional.of(Path.of(value));
                case "jvm-options" -> jvmOptions = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "results" -> results = Path.of(value);
                case "state-keys" -> stateKeys = Long.parseLong(value.replace("_", ""));
                case "state-batches" -> stateBatches = Integer.parseInt(value);
                case "state-heap" -> stateHeap = value;
                case "redis-uri" -> redisUri = value;
                default -> throw new IllegalArgumentException("unknown option [--" + name + "]\n" + USAGE);
            }
        }
        for (String mode : modes) {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("unknown mode [" + mode + "]; known: " + String.join(", ", MODES));
            }
        }
        // Each partition then gives a batch K / partitions consecutive lines, so a batch is lines [b K, (b + 1) K).
        if (stateKeys <= 0 || stateKeys % PARTITIONS != 0) {
            throw new IllegalArgumentException("--state-keys must be a positive multiple of " + PARTITIONS + ", got [" + stateKeys + "]");
        }
        if (warmUpBatches < 0 || warmUpBatches > probeBatches - 2) {
            throw new IllegalArgumentException("--warm-up-batches must leave at least two judged batches, got [" + warmUpBatches + "] of ["
                    + probeBatches + "]");
        }
        if (fixedRate <= 0 || maxRate < fixedRate) {
            throw new IllegalArgumentException("--fixed-rate must be positive and at most --max-rate, got [" + fixedRate + "] and [" + maxRate + "]");
        }
        if (stateBatches < 2) {
            throw new IllegalArgumentException("--state-batches must be at least 2 (a warm-up and a measured batch), got [" + stateBatches + "]");
        }
        if (variants == null) {
            boolean withBaseline = baseline.isPresent();
            variants = Arrays.stream(Variant.values()).filter(v -> v != Variant.SLUICE_BASELINE || withBaseline).toList();
        }
        if (variants.contains(Variant.SLUICE_BASELINE) && baseline.isEmpty()) {
            throw new IllegalArgumentException("variant [sluice-baseline] needs --baseline-sluice-home");
        }
        if (baseline.isPresent() && !variants.contains(Variant.SLUICE_BASELINE)) {
            // Otherwise a before/after run would quietly measure only one build.
            throw new IllegalArgumentException("--baseline-sluice-home runs as variant [sluice-baseline]; add it to --variants");
        }
        if (sluiceHome == null) {
            sluiceHome = SluiceProcess.findDistribution(repository);
        }
        return new BenchSettings(lines, PARTITIONS, heap, repeats, sustainedRepeats, launchProbes, modes, variants, fixedRate, maxProbes, maxRate,
                probeBatches, warmUpBatches, bootstrap, topic, sluiceHome, baseline, jvmOptions, results, stateKeys, stateBatches, stateHeap, redisUri);
    }
}
