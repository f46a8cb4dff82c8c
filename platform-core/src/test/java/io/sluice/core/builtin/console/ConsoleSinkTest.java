package io.sluice.core.builtin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.core.builtin.TestingSinkRunner;
import io.sluice.core.builtin.TestingSpark;
import io.sluice.testkit.TestingPluginContext;
import io.sluice.testkit.TestingWriterContext;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConsoleSinkTest {
    private static final long BATCH = Instant.parse("2026-11-30T07:00:05Z").toEpochMilli();

    private static TestingSpark spark;

    @BeforeAll
    static void startSpark() {
        spark = TestingSpark.start(ConsoleSinkTest.class);
    }

    @AfterAll
    static void stopSpark() throws Exception {
        spark.close();
    }

    private static Sink sink(Map<String, Object> raw) {
        ConsoleSinkFactory factory = new ConsoleSinkFactory();
        return factory.create(factory.options().parse(raw), TestingPluginContext.of("sinks[1]"));
    }

    private static Record count(String level, long count) {
        return Record.builder().field("level", level).field("count", count).build();
    }

    /** Runs {@code action} with System.out captured; returns the lines printed. */
    private static List<String> printed(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        }
        finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void printsTheFirstRecordsOfTheBatchInPartitionOrder() throws Exception {
        Sink sink = sink(Map.of("limit", 3));
        List<Record> records = List.of(count("ERROR", 3), count("WARN", 7), count("INFO", 60), count("DEBUG", 12), count("TRACE", 1));

        List<String> lines = printed(() -> TestingSinkRunner.writeBatch(sink, spark.sparkContext().parallelize(records, 2), BATCH));

        assertThat(lines).containsExactly(
                "-------- Batch 2026-11-30 07:00:05 --------",
                "level=ERROR, count=3",
                "level=WARN, count=7",
                "level=INFO, count=60",
                "...");
    }

    @Test
    void printsEveryRecordUpToTheLimitWithoutEllipsis() throws Exception {
        Sink sink = sink(Map.of());
        List<Record> records = IntStream.range(0, 4).mapToObj(i -> count("INFO", i)).toList();

        List<String> lines = printed(() -> TestingSinkRunner.writeBatch(sink, spark.sparkContext().parallelize(records, 3), BATCH + 200));

        assertThat(lines).containsExactly(
                "-------- Batch 2026-11-30 07:00:05.200 --------",
                "level=INFO, count=0",
                "level=INFO, count=1",
                "level=INFO, count=2",
                "level=INFO, count=3");
    }

    @Test
    void ordersPartsByPartitionWhateverOrderTheyArrive() throws Exception {
        Sink sink = sink(Map.of("limit", 2));
        List<Serializable> messages = new ArrayList<>();
        for (int partition : new int[] {1, 0}) {
            try (PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(BATCH, partition, partition))) {
                writer.write(Record.ofText("line from partition " + partition, null));
                messages.add(writer.commit());
            }
        }

        List<String> lines = printed(() -> sink.commitBatch(BATCH, messages));

        assertThat(lines).containsExactly(
                "-------- Batch 2026-11-30 07:00:05 --------",
                "line from partition 0",
                "line from partition 1");
    }

    @Test
    void printsJson() throws Exception {
        Sink sink = sink(Map.of("format", "json"));
        Record record = Record.builder()
                .field("level", "ERROR")
                .field("count", 3L)
                .field("ratio", 0.5)
                .field("alert", true)
                .field("window_end", Instant.parse("2026-11-30T07:00:05Z"))
                .field("raw", new byte[] {1, 2, 3})
                .field("note", null)
                .build();

        List<String> lines = printed(() -> TestingSinkRunner.writeBatch(sink, spark.sparkContext().parallelize(List.of(record), 1), BATCH));

        assertThat(lines).containsExactly(
                "-------- Batch 2026-11-30 07:00:05 --------",
                "{\"level\":\"ERROR\",\"count\":3,\"ratio\":0.5,\"alert\":true,\"window_end\":\"2026-11-30T07:00:05Z\","
                        + "\"raw\":\"AQID\",\"note\":null}");
    }

    @Test
    void printsAHeaderForAnEmptyBatch() throws Exception {
        Sink sink = sink(Map.of());
        assertThat(printed(() -> sink.commitBatch(BATCH, List.of()))).containsExactly("-------- Batch 2026-11-30 07:00:05 --------");
    }

    @Test
    void appendsOnReplay() {
        assertThat(sink(Map.of()).delivery()).isEqualTo(SinkDelivery.APPEND);
    }
}
