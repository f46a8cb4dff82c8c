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
    static final int WARM_UP_BATCHES = 2;


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

    /**
     * The batches after the warm-up ones: the first two take longer in every variant (class
     * loading, the JIT, the executors' Kafka consumers), so they are left out when at least two
     * batches remain; with fewer batches only the first is.
     */
    List<ChildReport.Batch> steadyBatches() {
        int warmUp = batches.size() >= WARM_UP_BATCHES + 2 ? WARM_UP_BATCHES : Math.min(1, batches.size() - 1);
        return batches.subList(Math.max(0, warmUp), batches.size());
    }
}
