package io.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.bench.job.ChildReport;

/**
 * One {@code bin/sluice run} of a pipeline file with a distribution built in this checkout (all its
 * {@code plugins/} bundles): batch sizes and processing times come from the status line it logs
 * per batch; it is stopped with SIGTERM (a graceful stop) once the caller's condition holds. Also
 * reads back what a {@code file} sink wrote or a {@code console} sink printed as JSON. Shared by
 * every harness mode that runs Sluice.
 */
final class SluiceProcess {
    // "batch 08:01:02 | in 1,000 | out 4 | dead-lettered 0 | processed in 0.12s | delay 0.00s | batches 3"
    private static final Pattern STATUS = Pattern.compile("batch \\S+ \\| in ([\\d,]+) \\| .*\\| processed in ([\\d.]+)s");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one run did.
     *
     * @param batches the batches that read records, in order
     * @param launchToStartMillis from launching the JVM to its banner, which it prints as it starts its streaming context, or -1
     * @param launchToFirstBatchMillis from launching the JVM to its first completed batch, or -1
     * @param exitedEarly whether the process exited before the caller's condition held (a failed pipeline)
     * @param jsonLines the JSON objects it printed one per line (a {@code console} sink with {@code format = json})
     */
    record Outcome(List<ChildReport.Batch> batches, long launchToStartMillis, long launchToFirstBatchMillis, long peakRssKb, int exitCode,
            boolean exitedEarly, List<JsonNode> jsonLines) {
    }

    private final List<ChildReport.Batch> batches = new ArrayList<>();
    private final List<JsonNode> jsonLines = new ArrayList<>();
    private volatile long bannerNanos = -1;
    private volatile long firstBatchNanos = -1;

    private SluiceProcess() {
    }

    /**
     * Runs {@code pipeline} until {@code done} holds for the batches that read records so far (or
     * the process exits), then stops it and waits for it to exit, killing it after {@code stopTimeout}.
     */
    static Outcome run(Path sluiceHome, String heap, List<String> jvmOptions, Path pipeline, Path log, Predicate<List<ChildReport.Batch>> done,
            Duration stopTimeout) throws InterruptedException {
        Map<String, String> environment = new HashMap<>(Map.of("SLUICE_HEAP", heap));
        if (!jvmOptions.isEmpty()) {
            environment.put("SLUICE_OPTS", String.join(" ", jvmOptions));
        }
        return new SluiceProcess().runUntil(sluiceHome, environment, pipeline, log, done, stopTimeout);
    }

    static Path findDistribution(Path repository) {
        Path target = repository.resolve("distribution/target");
        try (Stream<Path> candidates = Files.list(target)) {
            return candidates.filter(path -> Files.isExecutable(path.resolve("bin/sluice"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no distribution in " + target + "; build with -Pbench -pl bench -am"));
        }
        catch (IOException e) {
            throw new IllegalStateException("no distribution in " + target + "; build with -Pbench -pl bench -am", e);
        }
    }

    /** Writes {@code text} as {@code work/pipeline.conf} and returns that file. */
    static Path writePipeline(Path work, String text) {
        try {
            return Files.writeString(work.resolve("pipeline.conf"), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON lines a {@code file} sink wrote under {@code directory} (one directory per batch), skipping unfinished files. */
    static List<JsonNode> rowsWritten(Path directory) {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return rows;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl") && !path.toString().contains("_temporary")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private Outcome runUntil(Path sluiceHome, Map<String, String> environment, Path pipeline, Path log, Predicate<List<ChildReport.Batch>> done,
            Duration stopTimeout) throws InterruptedException {
        List<String> command = List.of(sluiceHome.resolve("bin/sluice").toString(), "run", pipeline.toString());
        try (ChildProcess started = ChildProcess.start(command, environment, log, this::onLine)) {
            while (started.isAlive() && !done.test(batches())) {
                Thread.sleep(50);
            }
            boolean exitedEarly = !done.test(batches());
            started.requestStop();
            int exit = started.awaitExit(stopTimeout);
            synchronized (jsonLines) {
                return new Outcome(batches(), started.millisFromLaunchTo(bannerNanos), started.millisFromLaunchTo(firstBatchNanos),
                        started.peakRssKb(), exit, exitedEarly, List.copyOf(jsonLines));
            }
        }
    }

    private List<ChildReport.Batch> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    private void onLine(String line) {
        if (bannerNanos < 0 && line.startsWith("Sluice pipeline [")) {
            bannerNanos = System.nanoTime();
            return;
        }
        if (line.startsWith("{")) {
            try {
                JsonNode printed = JSON.readTree(line);
                synchronized (jsonLines) {
                    jsonLines.add(printed);
                }
            }
            catch (IOException notJson) {
                // Not a sink's row: on the output reader's thread, skip it rather than stop reading.
                // Rows it held would be missing, which the count check then reports.
            }
            return;
        }
        Matcher status = STATUS.matcher(line);
        if (!status.find()) {
            return;
        }
        if (firstBatchNanos < 0) {
            firstBatchNanos = System.nanoTime();
        }
        long in = Long.parseLong(status.group(1).replace(",", ""));
        long millis = Math.round(Double.parseDouble(status.group(2)) * 1000);
        if (in > 0) {
            synchronized (batches) {
                batches.add(new ChildReport.Batch(in, millis));
            }
        }
    }
}
