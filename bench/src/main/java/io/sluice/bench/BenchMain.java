package io.sluice.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.bench.job.HandWrittenSparkJob;
import io.sluice.bench.job.JobSpec;
import io.sluice.bench.job.KafkaStreamsJob;
import io.sluice.bench.job.RawConsumerJob;
import io.sluice.bench.jmh.Microbenchmarks;
import io.sluice.testkit.kafka.KafkaBroker;

/**
 * {@code java -jar sluice-bench.jar [--name=value]...}: starts a Kafka broker (the testkit's),
 * fills a topic with N log lines, runs every variant in catch-up rounds (alternating their order)
 * and sustained rate searches, runs Sluice's stateful transform with each state store, checks
 * their counts, prints medians and ratios and writes {@code bench/results/<date>.json}. Also the
 * entry point of the variants' own JVMs ({@code job <variant> <spec>}), of the JMH
 * microbenchmarks ({@code jmh [options]}) and of a standing broker ({@code broker [options]}).
 */
public final class BenchMain {
    private final BenchSettings settings;
    private final Path runDirectory;
    // In every consumer group and Kafka Streams application id: a committed group resumes where it
    // stopped, so a second harness against the same broker (--bootstrap-servers) must not reuse one.
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger runs = new AtomicInteger();
    // Lines the sustained topic holds, as far as this harness knows (0: not looked yet).
    private long sustainedLines;

    private BenchMain(BenchSettings settings, Path runDirectory) {
        this.settings = settings;
        this.runDirectory = runDirectory;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("job")) {
            runJob(Variant.byId(args[1]), JobSpec.fromJson(args[2]));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("broker")) {
            BenchBroker.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("jmh")) {
            Microbenchmarks.run(Arrays.copyOfRange(args, 1, args.length), VariantLauncher.jvmOpens());
            return;
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(BenchSettings.USAGE);
            return;
        }
        BenchSettings settings = BenchSettings.parse(args, benchJar());
        Path runDirectory = Files.createTempDirectory("sluice-bench-");
        boolean valid = new BenchMain(settings, runDirectory).run();
        System.exit(valid ? 0 : 1);
    }

    private static void runJob(Variant variant, JobSpec spec) throws InterruptedException {
        switch (variant) {
            case HAND_WRITTEN -> HandWrittenSparkJob.run(spec);
            case KAFKA_STREAMS -> KafkaStreamsJob.run(spec);
            case RAW_CONSUMER -> RawConsumerJob.run(spec, 1);
            case RAW_CONSUMER_2 -> RawConsumerJob.run(spec, 2);
            case SLUICE, SLUICE_BASELINE -> throw new IllegalArgumentException("Sluice runs through bin/sluice, not as a bench job");
        }
    }

    private boolean run() throws InterruptedException, IOException {
        System.out.printf("Sluice bench; work and logs in %s; Sluice from %s%n", runDirectory, settings.sluiceHome());
        // Only catch-up reads the N-line topic; sustained probes read a topic of their own.
        boolean catchUp = settings.modes().contains("catch-up");
        KafkaBroker broker = null;
        BenchRedis redis = null;
        try {
            // Before anything slow: the state mode fails here when its Redis is not there.
            redis = settings.modes().contains("state") ? BenchRedis.connect(settings.redisUri()) : null;
            String bootstrap;
            if (settings.bootstrapServers().isPresent()) {
                bootstrap = settings.bootstrapServers().get();
                if (catchUp) {
                    checkTopic(bootstrap);
                }
            }
            else {
                broker = KafkaBroker.start();
                bootstrap = broker.bootstrapServers();
                if (catchUp) {
                    BenchBroker.fill(broker, settings.topic(), settings.partitions(), settings.lines());
                }
            }
            LevelCounts expected = catchUp ? TopicLoader.expectedCounts(settings.lines()) : new LevelCounts();
            VariantLauncher launcher = new VariantLauncher(settings, benchJar(), logs());
            BenchReport report = new BenchReport(settings, expected);
            if (settings.modes().contains("catch-up")) {
                for (int round = 0; round < settings.repeats(); round++) {
                    for (Variant variant : alternating(round)) {
                        RunResult run = launcher.run(variant, spec(bootstrap, variant, "catch-up", 0), expected);
                        System.out.printf("catch-up  round %d  %-15s %,12.0f lines/s  RSS %,5d MB  counts %s%n", round + 1, variant.id(),
                                run.recordsPerSecond(), run.peakRssKb() / 1024, run.countsValid() ? "ok" : "WRONG " + run.levels());
                        report.addCatchUp(round + 1, run);
                    }
                }
            }
            if (settings.modes().contains("sustained")) {
                for (int round = 0; round < settings.sustainedRepeats(); round++) {
                    for (Variant variant : alternating(round)) {
                        RateSearch.Outcome outcome = RateSearch.search(settings.fixedRate(), settings.maxRate(), settings.maxProbes(),
                                JobSpec.BATCH_INTERVAL_MILLIS, rate -> probe(launcher, bootstrap, variant, rate, expected));
                        System.out.printf("sustained round %d  %-15s %,12d lines/s%s%n", round + 1, variant.id(), outcome.bestRate(),
                                outcome.capped() ? " (capped: --max-rate)" : outcome.lowerBound() ? " (at least: no probe failed before --max-probes)" : "");
                        report.addSearch(variant, outcome);
                    }
                }
                // One probe a search is too few for a launch time: machine speed drifts between runs.
                for (int round = 0; round < settings.launchProbes() - settings.sustainedRepeats(); round++) {
                    for (Variant variant : alternating(round + 1)) {
                        RunResult run = probe(launcher, bootstrap, variant, settings.fixedRate(), expected);
                        System.out.printf("launch    round %d  %-15s %,8d ms to the first batch (%,d ms to the start)%n", round + 2,
                                variant.id(), run.launchToFirstBatchMillis(), run.launchToStartMillis());
                        report.addFixedRateProbe(variant, run);
                    }
                }
            }
            if (settings.modes().contains("state")) {
                runStateMode(new StateRun(settings, bootstrap, redis), report);
            }
            report.print(System.out);
            System.out.println("Results: " + report.write());
            return report.valid();
        }
        finally {
            if (redis != null) {
                redis.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private void runStateMode(StateRun state, BenchReport report) throws InterruptedException, IOException {
        long start = System.nanoTime();
        String topic = StateRun.topic(settings.stateKeys(), settings.stateBatches());
        boolean filled = state.ensureTopic();
        System.out.printf("State topic [%s]: %,d keys x %d batches, %s%n", topic, settings.stateKeys(), settings.stateBatches(),
                filled ? String.format("filled in %.1f s", (System.nanoTime() - start) / 1e9) : "already filled");
        for (StateRun.Store store : StateRun.Store.values()) {
            String name = runName(store.id(), "state");
            StateRun.Result result = state.run(store, name, workDirectory(name), logs().resolve(name + ".log"));
            System.out.printf("state     %-10s %,d keys: batches %s ms; updates/s %s; check %s%n", store.id(), result.keys(),
                    result.batches().stream().map(batch -> String.valueOf(batch.processingMillis())).toList(),
                    result.steadyUpdatesPerSecond().stream().map(rate -> String.format("%,.0f", rate)).toList(),
                    result.valid() ? "ok" : "WRONG " + result.problems());
            report.addState(result);
        }
    }

    /** An existing broker's topic must hold the N lines whose levels the counts are checked against. */
    private void checkTopic(String bootstrap) {
        OptionalLong held = TopicLoader.linesIn(bootstrap, settings.topic());
        if (held.isEmpty() || held.getAsLong() != settings.lines()) {
            throw new IllegalStateException("topic [" + settings.topic() + "] on " + bootstrap + (held.isEmpty() ? " does not exist"
                    : " holds " + held.getAsLong() + " lines") + ", but --lines=" + settings.lines()
                    + "; fill it with the broker command and the same --lines");
        }
    }

    private RunResult probe(VariantLauncher launcher, String bootstrap, Variant variant, long rate, LevelCounts expected) {
        try {
            growSustainedTopic(bootstrap, rate);
            RunResult run = launcher.run(variant, spec(bootstrap, variant, "sustained", rate), expected);
            System.out.printf("  probe %-15s %,10d lines/s: batches %s ms%n", variant.id(), rate,
                    run.batches().stream().map(batch -> String.valueOf(batch.processingMillis())).toList());
            return run;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sustained probes read a topic of their own, {@code <topic>-sustained}, grown on demand to hold
     * a probe's batches plus two (a Spark job may begin one or two more before it stops): the
     * catch-up topic holds N lines, which would cap the rates probed at N / batches.
     */
    private void growSustainedTopic(String bootstrap, long rate) throws InterruptedException {
        long needed = rate * (settings.probeBatches() + 2);
        if (sustainedLines < needed) {
            long start = System.nanoTime();
            TopicLoader.Growth growth = TopicLoader.growTo(bootstrap, sustainedTopic(), settings.partitions(), needed);
            sustainedLines = growth.lines();
            if (growth.appended() > 0) {
                System.out.printf("  sustained topic [%s] grown to %,d lines in %.1f s%n", sustainedTopic(), sustainedLines,
                        (System.nanoTime() - start) / 1e9);
                // The broker writes the appended segments out meanwhile: let that pass before the probe.
                Thread.sleep(5_000);
            }
        }
    }

    private String sustainedTopic() {
        return settings.topic() + "-sustained";
    }

    private JobSpec spec(String bootstrap, Variant variant, String mode, long rate) throws IOException {
        String name = runName(variant.id(), mode + (rate > 0 ? "-" + rate : ""));
        String topic = rate > 0 ? sustainedTopic() : settings.topic();
        return new JobSpec(bootstrap, topic, settings.partitions(), name, settings.lines(), rate, settings.probeBatches(), settings.warmUpBatches(),
                workDirectory(name).toString());
    }

    /** A run's name: its consumer group, work directory and log file. */
    private String runName(String what, String mode) {
        return "bench-" + runTag + "-" + runs.incrementAndGet() + "-" + what + "-" + mode;
    }

    private Path workDirectory(String name) throws IOException {
        return Files.createDirectories(runDirectory.resolve(name));
    }

    private Path logs() throws IOException {
        return Files.createDirectories(runDirectory.resolve("logs"));
    }

    /** The variants in order on even rounds, reversed on odd ones, so no variant always runs first. */
    private List<Variant> alternating(int round) {
        List<Variant> order = new ArrayList<>(settings.variants());
        if (round % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    private static Path benchJar() {
        try {
            return Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
