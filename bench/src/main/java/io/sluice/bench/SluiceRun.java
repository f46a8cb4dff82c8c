package io.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;

/**
 * The Sluice variant: {@code bin/sluice run} of the distribution built in this checkout, with its
 * {@code plugins/kafka} bundle, on a pipeline file equivalent to the hand-written job. What it
 * counted is read back from its {@code file} sink (one directory of JSON lines per batch); batch
 * sizes and processing times from the status line it logs per batch. Stopped with SIGTERM (a
 * graceful stop) once it has counted the whole topic, or run the asked-for batches.
 */
final class SluiceRun {
    // "batch 08:01:02 | in 1,000 | out 4 | dead-lettered 0 | processed in 0.12s | delay 0.00s | batches 3"
    private static final Pattern STATUS = Pattern.compile("batch \\S+ \\| in ([\\d,]+) \\| .*\\| processed in ([\\d.]+)s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Variant variant;
    private final Path sluiceHome;
    private final String heap;
    private final JobSpec spec;
    private final Path log;
    private final List<ChildReport.Batch> batches = new ArrayList<>();
    private volatile long firstBatchMillis = -1;
    private ChildProcess child;

    SluiceRun(Variant variant, Path sluiceHome, String heap, JobSpec spec, Path log) {
        this.variant = variant;
        this.sluiceHome = sluiceHome;
        this.heap = heap;
        this.spec = spec;
        this.log = log;
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

    RunResult run(LevelCounts expected) throws InterruptedException {
        Path pipeline = writePipeline();
        List<String> command = List.of(sluiceHome.resolve("bin/sluice").toString(), "run", pipeline.toString());
        try (ChildProcess started = ChildProcess.start(command, Map.of("SLUICE_HEAP", heap), log, this::onLine)) {
            child = started;
            while (started.isAlive() && !finished()) {
                Thread.sleep(50);
            }
            started.requestStop();
            int exit = started.awaitExit(VariantLauncher.RUN_TIMEOUT);
            LevelCounts counted = countsWritten();
            List<ChildReport.Batch> recorded;
            synchronized (batches) {
                recorded = List.copyOf(batches);
            }
            ChildReport report = new ChildReport(counted.total(), counted.asMap(), recorded);
            return RunResult.of(variant, spec, report, firstBatchMillis, started.peakRssKb(), exit, expected);
        }
    }

    private void onLine(String line) {
        Matcher status = STATUS.matcher(line);
        if (!status.find()) {
            return;
        }
        if (firstBatchMillis < 0) {
            firstBatchMillis = child.millisSinceLaunch();
        }
        long in = Long.parseLong(status.group(1).replace(",", ""));
        long millis = Math.round(Double.parseDouble(status.group(2)) * 1000);
        if (in > 0) {
            synchronized (batches) {
                batches.add(new ChildReport.Batch(in, millis));
            }
        }
    }

    private boolean finished() {
        if (spec.catchUp()) {
            // The status line follows the batch's outputs, so the counts are written by then.
            synchronized (batches) {
                return batches.stream().mapToLong(ChildReport.Batch::records).sum() >= spec.expectedRecords();
            }
        }
        synchronized (batches) {
            return batches.size() >= spec.batches();
        }
    }

    private Path writePipeline() {
        Path work = spec.work();
        String rateLimit = spec.catchUp() ? "" : ", max-rate-per-partition = " + spec.ratePerSecond() / spec.partitions();
        String text = """
                # The hand-written job's dataflow: levels counted per batch, and the 10 s window (sliding by 1 s)
                # summed from the per-batch counts, so the source is read once per batch.
                pipeline {
                  name = bench
                  batch-interval = %dms
                  checkpoint = "file:%s"
                }
                sources = [
                  { type = kafka, name = logs, bootstrap-servers = "%s", topics = [%s], group-id = %s,
                    starting-offsets = earliest%s }
                ]
                transforms = [
                  { type = parse, name = lines, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, name = per-batch, input = lines, field = level }
                  { type = aggregate, name = per-window, input = per-batch, key = [level], aggregates = ["sum(count) as count"],
                    window = 10s, slide = 1s }
                ]
                sinks = [
                  { type = file, input = per-batch, path = "file:%s" }
                  { type = console, input = per-window }
                ]
                """.formatted(JobSpec.BATCH_INTERVAL_MILLIS, work.resolve("checkpoint"), spec.bootstrapServers(), spec.topic(),
                spec.groupId(), rateLimit, perBatchDirectory());
        try {
            Path file = work.resolve("pipeline.conf");
            Files.writeString(file, text);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path perBatchDirectory() {
        return spec.work().resolve("per-batch");
    }

    /** Sums the per-batch counts the file sink wrote: one directory per batch, JSON lines {level, count, …}. */
    private LevelCounts countsWritten() {
        LevelCounts counts = new LevelCounts();
        if (!Files.isDirectory(perBatchDirectory())) {
            return counts;
        }
        try (Stream<Path> files = Files.walk(perBatchDirectory())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl") && !path.toString().contains("_temporary")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode row = JSON.readTree(line);
                    counts.add(row.get("level").asText(), row.get("count").asLong());
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
