package io.sluice.bench;

import java.util.List;

import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;

/**
 * One run of one variant.
 *
 * @param ratePerSecond the offered rate in sustained mode, 0 in catch-up mode
 * @param launchToStartMillis from launching the JVM to its start of processing (a Spark job's streaming context
 *     starting, Kafka Streams', a consumer loop's threads), or -1
 * @param launchToFirstBatchMillis from launching the JVM to its first completed batch, or -1
 * @param askedBatches sustained mode: the batches the run was asked for (a Spark job may report one or two
 *     more, begun before it stopped); 0 in catch-up mode
 * @param warmUpBatches sustained mode: the first batches, left out of the verdict
 * @param countsValid whether it counted exactly what the harness expected (catch-up only; sustained runs read part of the topic)
 */
record RunResult(String variant, String mode, long ratePerSecond, long records, java.util.Map<String, Long> levels,
        List<ChildReport.Batch> batches, int askedBatches, int warmUpBatches, long launchToStartMillis, long launchToFirstBatchMillis,
        long peakRssKb, int exitCode, boolean countsValid) {
    static RunResult of(Variant variant, JobSpec spec, ChildReport report, long launchToStartMillis, long launchToFirstBatchMillis,
            long peakRssKb, int exitCode, LevelCounts expected) {
        boolean valid = !spec.catchUp() || LevelCounts.of(report.levels()).equals(expected);
        return new RunResult(variant.id(), spec.catchUp() ? "catch-up" : "sustained", spec.ratePerSecond(), report.records(),
                report.levels(), report.batches(), spec.catchUp() ? 0 : spec.batches(), spec.warmUpBatches(), launchToStartMillis, launchToFirstBatchMillis,
                peakRssKb, exitCode, valid);
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
     * The batches after the warm-up ones, up to those asked for: the first ones take longer in
     * every variant (class loading, the JIT, the executors' Kafka consumers), so they are left out
     * when at least two batches remain; with fewer batches only the first is. Batches beyond the asked
     * ones are left out so that every variant is judged on the same batches.
     */
    List<ChildReport.Batch> steadyBatches() {
        List<ChildReport.Batch> judged = askedBatches > 0 && batches.size() > askedBatches ? batches.subList(0, askedBatches) : batches;
        int warmUp = judged.size() >= warmUpBatches + 2 ? warmUpBatches : Math.min(1, judged.size() - 1);
        return judged.subList(Math.max(0, warmUp), judged.size());
    }
}
