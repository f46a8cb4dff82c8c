package io.sluice.core.runtime;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Record counts of a running pipeline, kept in Spark accumulators: read from sources, dropped by
 * filters, dead-lettered, and written by sinks. They reconcile as read = passed on + filtered +
 * dead-lettered at each fused pass. Bound to the SparkContext once it exists; counts from
 * retried tasks may be counted twice, as Spark documents for accumulators in transformations.
 */
public final class PipelineCounters {
    private volatile LongAccumulator read;
    private volatile LongAccumulator filtered;
    private volatile LongAccumulator deadLettered;
    private volatile LongAccumulator written;

    /** Registers the accumulators on the pipeline's SparkContext. */
    public synchronized void bind(SparkContext context) {
        if (read == null) {
            read = context.longAccumulator("sluice.records.read");
            filtered = context.longAccumulator("sluice.records.filtered");
            deadLettered = context.longAccumulator("sluice.records.dead-lettered");
            written = context.longAccumulator("sluice.records.written");
        }
    }

    public LongAccumulator read() {
        return bound(read);
    }

    public LongAccumulator filtered() {
        return bound(filtered);
    }

    public LongAccumulator deadLettered() {
        return bound(deadLettered);
    }

    public LongAccumulator written() {
        return bound(written);
    }

    private static LongAccumulator bound(LongAccumulator accumulator) {
        if (accumulator == null) {
            throw new IllegalStateException("counters are read before the pipeline's SparkContext exists");
        }
        return accumulator;
    }
}
