package io.sluice.core.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the monitoring endpoint reports about completed batches; written by the batch listener,
 * read by HTTP threads. Each value is independently up to date, which is all scraping needs.
 */
final class BatchStats {
    final AtomicLong completedBatches = new AtomicLong();
    final AtomicLong lastBatchTime = new AtomicLong(-1);
    final AtomicLong lastCompletedAt = new AtomicLong(-1);
    final AtomicLong lastProcessingMillis = new AtomicLong();
    final AtomicLong lastSchedulingDelayMillis = new AtomicLong();
    final AtomicLong totalProcessingMillis = new AtomicLong();

    void completed(long batchTime, long processingMillis, long schedulingDelayMillis, long now) {
        completedBatches.incrementAndGet();
        lastBatchTime.set(batchTime);
        lastCompletedAt.set(now);
        lastProcessingMillis.set(processingMillis);
        lastSchedulingDelayMillis.set(schedulingDelayMillis);
        totalProcessingMillis.addAndGet(processingMillis);
    }
}
