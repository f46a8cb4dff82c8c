package io.sluice.bench;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;

/**
 * The Sluice variant: {@code bin/sluice run} ({@link SluiceProcess}) of the distribution built in
 * this checkout, with its {@code plugins/kafka} bundle, on a pipeline file equivalent to the
 * hand-written job. What it counted per batch is read back from what its {@code console} sink
 * printed (JSON lines, as the hand-written job collects its counts to the driver; a file sink would
 * add Hadoop file writes the hand-written job does not do). Stopped once it has counted the whole
 * topic, or run the asked-for batches.
 */
final class SluiceRun {
    private final Variant variant;
    private final Path sluiceHome;
    private final String heap;
    private final List<String> jvmOptions;
    private final JobSpec spec;
    private final Path log;

    SluiceRun(Variant variant, Path sluiceHome, String heap, List<String> jvmOptions, JobSpec spec, Path log) {
        this.variant = variant;
        this.sluiceHome = sluiceHome;
        this.heap = heap;
        this.jvmOptions = jvmOptions;
        this.spec = spec;
        this.log = log;
    }

    RunResult run(LevelCounts expected) throws InterruptedException {
        SluiceProcess.Outcome outcome = SluiceProcess.run(sluiceHome, heap, jvmOptions, writePipeline(), log, this::finished, VariantLauncher.RUN_TIMEOUT);
        LevelCounts counted = countsPrinted(outcome.jsonLines());
        ChildReport report = new ChildReport(counted.total(), counted.asMap(), outcome.batches());
        return RunResult.of(variant, spec, report, outcome.launchToStartMillis(), outcome.launchToFirstBatchMillis(), outcome.peakRssKb(),
                outcome.exitCode(), expected);
    }

    private boolean finished(List<ChildReport.Batch> batches) {
        if (spec.catchUp()) {
            // The status line follows the batch's outputs, so the counts are written by then.
            return batches.stream().mapToLong(ChildReport.Batch::records).sum() >= spec.expectedRecords();
        }
        return batches.size() >= spec.batches();
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
                  { type = console, input = per-batch, format = json, limit = 1000 }
                  { type = console, input = per-window }
                ]
                """.formatted(JobSpec.BATCH_INTERVAL_MILLIS, work.resolve("checkpoint"), spec.bootstrapServers(), spec.topic(),
                spec.groupId(), rateLimit);
        return SluiceProcess.writePipeline(work, text);
    }

    /** Sums the per-batch counts the console sink printed: JSON lines {level, count}. */
    private static LevelCounts countsPrinted(List<JsonNode> printed) {
        LevelCounts counts = new LevelCounts();
        for (JsonNode row : printed) {
            if (row.has("level") && row.has("count")) {
                counts.add(row.get("level").asText(), row.get("count").asLong());
            }
        }
        return counts;
    }
}
