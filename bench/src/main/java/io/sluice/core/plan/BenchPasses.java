package io.sluice.core.plan;

import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.spark.util.LongAccumulator;

import io.sluice.api.record.Record;

/** Record steps run as the planner runs them, one fused pass, for benchmarks outside this package. */
public final class BenchPasses {
    private BenchPasses() {
    }

    /** The steps as one strict pass (a bad record throws), pruned for readers of every field. */
    public static UnaryOperator<Iterator<Record>> strict(List<RecordStep> steps) {
        FusedPass pass = new FusedPass(steps, true);
        FusedPass.Counters counters = new FusedPass.Counters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
        return records -> pass.strict(records, counters);
    }
}
