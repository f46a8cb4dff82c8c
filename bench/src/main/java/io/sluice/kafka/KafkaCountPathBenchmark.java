package io.sluice.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
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

import io.sluice.api.record.Record;
import io.sluice.bench.LogLines;
import io.sluice.bench.jmh.BenchFunctions;
import io.sluice.core.builtin.aggregate.AggregateSpec;
import io.sluice.core.builtin.aggregate.Aggregation;
import io.sluice.core.builtin.aggregate.GroupKey;
import io.sluice.core.builtin.aggregate.Partial;
import io.sluice.core.builtin.parse.ParseTransformFactory;
import io.sluice.core.plan.BenchPasses;
import io.sluice.core.plan.RecordStep;
import scala.Tuple2;

/**
 * The bench pipeline's executor work per Kafka record, up to the shuffle, in one thread: Sluice's
 * (record conversion, the fused decode → parse → count-by-value pass, per-partition combining)
 * against the hand-written job's ({@code levelOf} of the value as a string, counted in a map, as
 * Spark's map-side combine would). In this package because the Kafka conversion is the
 * connector's own; ops = Kafka records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KafkaCountPathBenchmark {
    static final int RECORDS = 4096;
    private static final int PARTITION_RECORDS = RECORDS / 4;
    private static final long START = 1_795_000_000_000L;

    private List<ConsumerRecord<byte[], byte[]>> consumed;
    private KafkaRecordConverter converter;
    private UnaryOperator<Iterator<Record>> pass;
    private Aggregation countByLevel;

    @Setup
    public void setUp() {
        consumed = IntStream.range(0, RECORDS)
                // As a task reads them: one topic-partition after another, timestamps in producer batches.
                .mapToObj(i -> new ConsumerRecord<>("bench-log-lines", i / PARTITION_RECORDS, i % PARTITION_RECORDS, START + i / 100,
                        TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, LogLines.line(i).length(), (byte[]) null,
                        LogLines.line(i).getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty()))
                .toList();
        converter = new KafkaRecordConverter("logs");
        countByLevel = new Aggregation(List.of("level"), List.of(AggregateSpec.parse("count")));
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.STRING);
        pass = BenchPasses.strict(List.of(
                new RecordStep("decode", decoder),
                new RecordStep("parse", BenchFunctions.function(new ParseTransformFactory(),
                        Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message")))),
                new RecordStep("count-by-value", countByLevel.prepare())));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int sluice() throws Exception {
        Iterator<ConsumerRecord<byte[], byte[]>> input = consumed.iterator();
        Iterator<Record> converted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Record next() {
                try {
                    return converter.call(input.next());
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Iterator<Tuple2<GroupKey, Partial>> groups = countByLevel.combine(pass.apply(converted));
        int count = 0;
        while (groups.hasNext()) {
            groups.next();
            count++;
        }
        return count;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int handWritten() {
        Map<String, Long> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consumed) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            counts.merge(LogLines.levelOf(value), 1L, Long::sum);
        }
        return counts.size();
    }
}
