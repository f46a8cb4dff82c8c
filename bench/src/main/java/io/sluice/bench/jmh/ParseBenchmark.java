package io.sluice.bench.jmh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.builtin.parse.ParseTransformFactory;

/** The {@code parse} transform's record function on log lines, csv and json; ops = lines. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    static final int LINES = 1024;

    private List<Record> csv;
    private List<Record> json;
    private RecordFunction parseCsv;
    private RecordFunction parseJson;

    @Setup
    public void setUp() {
        csv = BenchFunctions.csvRecords(LINES);
        json = BenchFunctions.jsonRecords(LINES);
        parseCsv = BenchFunctions.function(new ParseTransformFactory(), Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message")));
        parseJson = BenchFunctions.function(new ParseTransformFactory(), Map.of("format", "json"));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void csv(Blackhole blackhole) throws Exception {
        BenchFunctions.applyAll(parseCsv, csv, blackhole::consume);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void json(Blackhole blackhole) throws Exception {
        BenchFunctions.applyAll(parseJson, json, blackhole::consume);
    }
}
