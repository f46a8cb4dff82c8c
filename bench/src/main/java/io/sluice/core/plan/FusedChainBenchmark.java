package io.sluice.core.plan;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.spark.util.LongAccumulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.sluice.api.record.Record;
import io.sluice.bench.jmh.BenchFunctions;
import io.sluice.core.builtin.filter.FilterTransformFactory;
import io.sluice.core.builtin.parse.ParseTransformFactory;
import io.sluice.core.builtin.select.SelectTransformFactory;

/**
 * parse → filter → select over a partition's records: as the planner runs them, fused into one
 * {@link FusedPass}, against one pass per step (what three chained {@code mapPartitions} would do).
 * In this package because {@code FusedPass} is the planner's own; ops = input lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FusedChainBenchmark {
    static final int LINES = 1024;

    private List<Record> input;
    private FusedPass fused;
    private List<FusedPass> unfused;
    private FusedPass.Counters counters;

    @Setup
    public void setUp() {
        input = BenchFunctions.csvRecords(LINES);
        List<RecordStep> steps = List.of(
                new RecordStep("parse", BenchFunctions.function(new ParseTransformFactory(),
                        Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message")))),
                new RecordStep("filter", BenchFunctions.function(new FilterTransformFactory(), Map.of("expression", "level != 'DEBUG'"))),
                new RecordStep("select", BenchFunctions.function(new SelectTransformFactory(), Map.of("fields", List.of("host", "level")))));
        fused = new FusedPass(steps, true);
        unfused = List.of(new FusedPass(steps.subList(0, 1), true), new FusedPass(steps.subList(1, 2), false),
                new FusedPass(steps.subList(2, 3), false));
        counters = new FusedPass.Counters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void fused(Blackhole blackhole) {
        drain(fused.strict(input.iterator(), counters), blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void unfused(Blackhole blackhole) {
        Iterator<Record> records = input.iterator();
        for (FusedPass pass : unfused) {
            records = pass.strict(records, counters);
        }
        drain(records, blackhole);
    }

    private static void drain(Iterator<Record> records, Blackhole blackhole) {
        while (records.hasNext()) {
            blackhole.consume(records.next());
        }
    }
}
