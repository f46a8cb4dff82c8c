package io.sluice.bench;

import java.util.List;

import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;

/**
 * One run of one variant.
 *
 * @param ratePerSecond the offered rate in sustained mode, 0 in catch-up mode
 * @param launchToFirstBatchMillis from launching the JVM to its first completed batch, or -1
 * @param countsValid whether it counted exactly what the harness expected (catch-up only; sustained runs read part of the topic)
 */
record RunResult(String variant, String mode, long ratePerSecond, long records, java.util.Map<String, Long> levels,
        List<ChildReport.Batch> batches, long launchToFirstBatchMillis, long peakRssKb, int exitCode, boolean countsValid) {

    static RunResult of(Variant variant, JobSpec spec, ChildReport report, long launchToFirstBatchMillis, long peakRssKb,
            int exitCode, LevelCounts expected) {
        boolean valid = !spec.catchUp() || LevelCounts.of(report.levels()).equals(expected);
        return new RunResult(variant.id(), spec.catchUp() ? "catch-up" : "sustained", spec.ratePerSecond(), report.records(),
                report.levels(), report.batches(), launchToFirstBatchMillis, peakRssKb, exitCode, valid);
    }

    /**
     * Lines per second of processing time, over the batches that had lines: in catch-up mode the
     * lines counted (checked against the topic), in sustained mode the lines the batches reported.
     */
    double recordsPerSecond() {
        long lines = mode.equals("catch-up") ? records : batches.stream().mapToLong(ChildReport.Batch::records).sum();
        long millis = batches.stream().mapToLong(ChildReport.Batch::processingMillis).sum();
        return millis == 0 ? 0 : lines * 1000.0 / millis;
    }

    /** The batches after the first (whose time includes the JIT's warm-up), or all when there is only one. */
    List<ChildReport.Batch> steadyBatches() {
        return batches.size() > 1 ? batches.subList(1, batches.size()) : batches;
    }
}
