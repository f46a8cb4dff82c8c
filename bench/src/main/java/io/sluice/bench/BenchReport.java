package io.sluice.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.sluice.bench.job.ChildReport;

/**
 * Collects every run, checks the counts, and reports medians and ratios: on the console and as
 * {@code results/<date>.json}. A catch-up run that counted anything but the expected lines per
 * level, or a state run whose state is wrong, voids the benchmark.
 */
final class BenchReport {
    private final BenchSettings settings;
    private final LevelCounts expected;
    private final String startedAt = Instant.now().toString();
    private final String loadAtStart = loadAverage();
    private final List<RunResult> catchUp = new ArrayList<>();
    private final List<Integer> catchUpRounds = new ArrayList<>();
    private final Map<Variant, List<RateSearch.Outcome>> searches = new LinkedHashMap<>();
    private final Map<Variant, List<RunResult>> extraFixedRateProbes = new LinkedHashMap<>();
    private final List<StateRun.Result> stateRuns = new ArrayList<>();

    BenchReport(BenchSettings settings, LevelCounts expected) {
        this.settings = settings;
        this.expected = expected;
    }

    void addCatchUp(int round, RunResult run) {
        catchUp.add(run);
        catchUpRounds.add(round);
    }

    void addSearch(Variant variant, RateSearch.Outcome outcome) {
        searches.computeIfAbsent(variant, v -> new ArrayList<>()).add(outcome);
    }

    /** A probe at the fixed rate besides the searches' own, for the launch and batch-time medians. */
    void addFixedRateProbe(Variant variant, RunResult run) {
        extraFixedRateProbes.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
    }

    void addState(StateRun.Result run) {
        stateRuns.add(run);
    }

    boolean valid() {
        return catchUp.stream().allMatch(RunResult::countsValid) && stateRuns.stream().allMatch(StateRun.Result::valid);
    }

    /** Median catch-up lines/s of a variant. */
    OptionalDouble catchUpRate(Variant variant) {
        return median(runsOf(variant), RunResult::recordsPerSecond);
    }

    /**
     * The median over rounds of {@code a}'s catch-up rate over {@code b}'s in the same round: on a
     * shared machine the load drifts between rounds, and a round's two runs share it.
     */
    OptionalDouble pairedCatchUpRatio(Variant a, Variant b) {
        List<Double> ratios = new ArrayList<>();
        for (int round : catchUpRounds.stream().distinct().toList()) {
            OptionalDouble rateA = median(runsOf(a, round), RunResult::recordsPerSecond);
            OptionalDouble rateB = median(runsOf(b, round), RunResult::recordsPerSecond);
            Double ratio = ratio(rateA, rateB);
            if (ratio != null) {
                ratios.add(ratio);
            }
        }
        return median(ratios, Double::doubleValue);
    }

    OptionalDouble sustainedRate(Variant variant) {
        return median(searches.getOrDefault(variant, List.of()), outcome -> outcome.bestRate());
    }

    /** Median processing time of the steady batches at the fixed offered rate. */
    OptionalDouble fixedRateBatchMillis(Variant variant) {
        List<ChildReport.Batch> batches = fixedRateProbes(variant).stream().flatMap(run -> run.steadyBatches().stream()).toList();
        return median(batches, batch -> batch.processingMillis());
    }

    OptionalDouble launchToFirstBatchMillis(Variant variant) {
        return median(fixedRateProbes(variant), RunResult::launchToFirstBatchMillis);
    }

    /**
     * Median time from launch to the start of processing. Unlike the time to the first batch, it
     * leaves out the Spark jobs' wait for their first batch time (the next multiple of the interval,
     * 0 to 1 s at random) and the first batch itself.
     */
    OptionalDouble launchToStartMillis(Variant variant) {
        return median(fixedRateProbes(variant), RunResult::launchToStartMillis);
    }

    /**
     * Median peak RSS over the runs every variant does at the same load: catch-up and the fixed-rate
     * probe. A search's other probes are left out: they follow each variant's own results, and a
     * variant that sustains more is probed at higher rates, which take more memory.
     */
    OptionalDouble peakRssMb(Variant variant) {
        List<RunResult> sameLoad = new ArrayList<>(runsOf(variant));
        sameLoad.addAll(fixedRateProbes(variant));
        return median(sameLoad, run -> run.peakRssKb() / 1024.0);
    }

    /** Median over a store's steady batches of keys updated per second of processing time; valid runs only. */
    OptionalDouble stateUpdatesPerSecond(StateRun.Store store) {
        return median(validStateRunsOf(store).stream().flatMap(run -> run.steadyUpdatesPerSecond().stream()).toList(), Double::doubleValue);
    }

    /** All of a store's steady batches together: keys updated / processing time, a slow batch weighing in full; valid runs only. */
    OptionalDouble stateMeanUpdatesPerSecond(StateRun.Store store) {
        return median(validStateRunsOf(store), StateRun.Result::meanUpdatesPerSecond);
    }

    OptionalDouble statePeakRssMb(StateRun.Store store) {
        return median(stateRunsOf(store), run -> run.peakRssKb() / 1024.0);
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Sluice bench: N = %,d lines, %d partitions, heap %s%s, modes %s; load average %s -> %s%n",
                settings.lines(), settings.partitions(), settings.heap(),
                settings.jvmOptions().isEmpty() ? "" : ", every JVM with " + String.join(" ", settings.jvmOptions()),
                String.join(",", settings.modes()), loadAtStart, loadAverage());
        if (settings.modes().contains("catch-up") || settings.modes().contains("sustained")) {
            printVariants(out);
        }
        if (settings.modes().contains("state")) {
            printState(out);
        }
    }

    private void printVariants(PrintStream out) {
        out.printf("%d catch-up rounds, %d rate searches, %d probes at %,d lines/s%n", settings.repeats(), settings.sustainedRepeats(),
                Math.max(settings.launchProbes(), settings.sustainedRepeats()), settings.fixedRate());
        out.printf("%-16s %16s %16s %18s %16s %16s %12s%n", "variant", "catch-up lines/s", "sustained lines/s",
                "batch ms @" + settings.fixedRate() / 1000 + "k/s", "launch->start ms", "launch->batch ms", "peak RSS MB");
        for (Variant variant : settings.variants()) {
            out.printf("%-16s %16s %16s %18s %16s %16s %12s%n", variant.id(), format(catchUpRate(variant)), format(sustainedRate(variant)),
                    format(fixedRateBatchMillis(variant)), format(launchToStartMillis(variant)), format(launchToFirstBatchMillis(variant)),
                    format(peakRssMb(variant)));
        }
        ratios().forEach((name, value) -> out.printf("%-58s %s%n", name, value == null ? "-" : String.format("%.2f", value)));
        for (RunResult run : catchUp) {
            if (!run.countsValid()) {
                out.printf("VOID: %s counted %s, expected %s%n", run.variant(), run.levels(), expected);
            }
        }
        if (settings.modes().contains("catch-up")) {
            boolean counted = catchUp.stream().allMatch(RunResult::countsValid);
            out.println(counted ? "Counts: every catch-up run counted exactly " + String.format("%,d", expected.total()) + " lines, " + expected
                    : "Counts: WRONG; this run is void");
        }
    }

    private void printState(PrintStream out) {
        out.printf("State: %,d keys, every one updated by each of %d batches (the first a warm-up); heap %s%n", settings.stateKeys(),
                settings.stateBatches(), settings.stateHeap());
        out.printf("%-16s %22s %22s %12s %8s%n", "state store", "median updates/s", "all steady updates/s", "peak RSS MB", "check");
        for (StateRun.Store store : StateRun.Store.values()) {
            List<StateRun.Result> runs = stateRunsOf(store);
            out.printf("%-16s %22s %22s %12s %8s%n", store.id(), format(stateUpdatesPerSecond(store)), format(stateMeanUpdatesPerSecond(store)),
                    format(statePeakRssMb(store)), runs.isEmpty() ? "-" : runs.stream().allMatch(StateRun.Result::valid) ? "ok" : "WRONG");
        }
        Double ratio = stateRatio();
        out.printf("%-58s %s%n", "state      redis / checkpoint (median updates/s)", ratio == null ? "-" : String.format("%.2f", ratio));
        for (StateRun.Result run : stateRuns) {
            if (!run.valid()) {
                out.printf("VOID: state store %s (left out of the figures): %s%n", run.store(), run.problems());
            }
        }
        if (!stateRuns.isEmpty() && stateRuns.stream().allMatch(StateRun.Result::valid)) {
            out.println("State: every store held exactly the expected running count for every key");
        }
    }

    Double stateRatio() {
        return ratio(stateUpdatesPerSecond(StateRun.Store.REDIS), stateUpdatesPerSecond(StateRun.Store.CHECKPOINT));
    }

    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("catch-up   Sluice / hand-written", ratio(catchUpRate(Variant.SLUICE), catchUpRate(Variant.HAND_WRITTEN)));
        ratios.put("catch-up   Sluice / Kafka Streams", ratio(catchUpRate(Variant.SLUICE), catchUpRate(Variant.KAFKA_STREAMS)));
        ratios.put("catch-up   Sluice / raw consumer (2 threads)", ratio(catchUpRate(Variant.SLUICE), catchUpRate(Variant.RAW_CONSUMER_2)));
        ratios.put("catch-up   Sluice / hand-written, per round", value(pairedCatchUpRatio(Variant.SLUICE, Variant.HAND_WRITTEN)));
        ratios.put("catch-up   Sluice / raw consumer (2 threads), per round",
                value(pairedCatchUpRatio(Variant.SLUICE, Variant.RAW_CONSUMER_2)));
        ratios.put("sustained  Sluice / hand-written", ratio(sustainedRate(Variant.SLUICE), sustainedRate(Variant.HAND_WRITTEN)));
        ratios.put("sustained  Sluice / Kafka Streams", ratio(sustainedRate(Variant.SLUICE), sustainedRate(Variant.KAFKA_STREAMS)));
        ratios.put("sustained  Sluice / raw consumer (2 threads)", ratio(sustainedRate(Variant.SLUICE), sustainedRate(Variant.RAW_CONSUMER_2)));
        if (settings.variants().contains(Variant.SLUICE_BASELINE)) {
            ratios.put("catch-up   Sluice / Sluice baseline", ratio(catchUpRate(Variant.SLUICE), catchUpRate(Variant.SLUICE_BASELINE)));
            ratios.put("catch-up   Sluice / Sluice baseline, per round", value(pairedCatchUpRatio(Variant.SLUICE, Variant.SLUICE_BASELINE)));
            ratios.put("catch-up   Sluice baseline / hand-written, per round",
                    value(pairedCatchUpRatio(Variant.SLUICE_BASELINE, Variant.HAND_WRITTEN)));
            ratios.put("catch-up   Sluice baseline / hand-written", ratio(catchUpRate(Variant.SLUICE_BASELINE), catchUpRate(Variant.HAND_WRITTEN)));
            ratios.put("peak RSS   Sluice baseline / hand-written", ratio(peakRssMb(Variant.SLUICE_BASELINE), peakRssMb(Variant.HAND_WRITTEN)));
        }
        ratios.put("peak RSS   Sluice / hand-written", ratio(peakRssMb(Variant.SLUICE), peakRssMb(Variant.HAND_WRITTEN)));
        ratios.put("launch to first batch  Sluice / hand-written",
                ratio(launchToFirstBatchMillis(Variant.SLUICE), launchToFirstBatchMillis(Variant.HAND_WRITTEN)));
        ratios.put("launch to start        Sluice / hand-written",
                ratio(launchToStartMillis(Variant.SLUICE), launchToStartMillis(Variant.HAND_WRITTEN)));
        return ratios;
    }

    Path write() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt);
        json.put("finishedAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "loadAverageAtStart", loadAtStart,
                "loadAverageAtEnd", loadAverage(), "java", System.getProperty("java.version")));
        json.put("settings", settings.toString());
        json.put("expected", expected.asMap());
        json.put("valid", valid());
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Variant variant : settings.variants()) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("catchUpLinesPerSecond", value(catchUpRate(variant)));
            figure.put("sustainedLinesPerSecond", value(sustainedRate(variant)));
            figure.put("fixedRateBatchMillis", value(fixedRateBatchMillis(variant)));
            figure.put("launchToStartMillis", value(launchToStartMillis(variant)));
            figure.put("launchToFirstBatchMillis", value(launchToFirstBatchMillis(variant)));
            figure.put("peakRssMb", value(peakRssMb(variant)));
            figures.put(variant.id(), figure);
        }
        json.put("medians", figures);
        json.put("ratios", ratios());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < catchUp.size(); i++) {
            runs.add(Map.of("round", catchUpRounds.get(i), "run", catchUp.get(i)));
        }
        json.put("catchUpRuns", runs);
        Map<String, Object> searchJson = new LinkedHashMap<>();
        searches.forEach((variant, outcomes) -> searchJson.put(variant.id(), outcomes));
        json.put("rateSearches", searchJson);
        Map<String, Object> probeJson = new LinkedHashMap<>();
        extraFixedRateProbes.forEach((variant, probes) -> probeJson.put(variant.id(), probes));
        json.put("fixedRateProbes", probeJson);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("keys", settings.stateKeys());
        state.put("batches", settings.stateBatches());
        for (StateRun.Store store : StateRun.Store.values()) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("medianUpdatesPerSecond", value(stateUpdatesPerSecond(store)));
            figure.put("allSteadyUpdatesPerSecond", value(stateMeanUpdatesPerSecond(store)));
            figure.put("peakRssMb", value(statePeakRssMb(store)));
            state.put(store.id(), figure);
        }
        state.put("redisOverCheckpoint", stateRatio());
        state.put("runs", stateRuns);
        json.put("state", state);
        try {
            Files.createDirectories(settings.results());
            String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".json";
            Path file = settings.results().resolve(name);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RunResult> runsOf(Variant variant) {
        return catchUp.stream().filter(run -> run.variant().equals(variant.id())).toList();
    }

    private List<RunResult> runsOf(Variant variant, int round) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < catchUp.size(); i++) {
            if (catchUpRounds.get(i) == round && catchUp.get(i).variant().equals(variant.id())) {
                runs.add(catchUp.get(i));
            }
        }
        return runs;
    }

    private List<StateRun.Result> stateRunsOf(StateRun.Store store) {
        return stateRuns.stream().filter(run -> run.store().equals(store.id())).toList();
    }

    // A failed pipeline's batches say nothing about the store's rate, only that it failed.
    private List<StateRun.Result> validStateRunsOf(StateRun.Store store) {
        return stateRunsOf(store).stream().filter(StateRun.Result::valid).toList();
    }

    private List<RunResult> fixedRateProbes(Variant variant) {
        List<RunResult> runs = new ArrayList<>(searches.getOrDefault(variant, List.of()).stream().flatMap(outcome -> outcome.probes().stream())
                .filter(probe -> probe.rate() == settings.fixedRate()).map(RateSearch.Probe::run).toList());
        runs.addAll(extraFixedRateProbes.getOrDefault(variant, List.of()));
        return runs;
    }

    private static <T> OptionalDouble median(List<T> items, ToDoubleFunction<T> value) {
        double[] values = items.stream().mapToDouble(value).filter(v -> v >= 0).sorted().toArray();
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        int middle = values.length / 2;
        return OptionalDouble.of(values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2);
    }

    private static Double ratio(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() && b.getAsDouble() > 0 ? a.getAsDouble() / b.getAsDouble() : null;
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format("%,.0f", value.getAsDouble()) : "-";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
