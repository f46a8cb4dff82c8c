package io.sluice.core.builtin.filesink;

import static io.sluice.testkit.OptionsAssertions.NO_DEFAULT;
import static io.sluice.testkit.OptionsAssertions.assertDefaults;
import static io.sluice.testkit.OptionsAssertions.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Options;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.core.builtin.TestingSinkRunner;
import io.sluice.core.builtin.TestingSpark;
import io.sluice.testkit.TestingPluginContext;
import io.sluice.testkit.TestingWriterContext;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileSinkTest {
    private static final long BATCH = Instant.parse("2026-11-30T07:00:05Z").toEpochMilli();

    private static TestingSpark spark;

    @TempDir
    Path out;

    @BeforeAll
    static void startSpark() {
        spark = TestingSpark.start(FileSinkTest.class);
    }

    @AfterAll
    static void stopSpark() throws Exception {
        spark.close();
    }

    private Sink sink(Map<String, Object> raw) throws IOException {
        Map<String, Object> withPath = new LinkedHashMap<>(raw);
        withPath.put("path", out.toUri().toString());
        FileSinkFactory factory = new FileSinkFactory();
        Sink sink = factory.create(factory.options().parse(withPath), TestingPluginContext.of("sinks[0]"));
        sink.prepare();
        return sink;
    }

    private static Record count(String level, long count, Instant windowEnd) {
        return Record.builder().field("level", level).field("count", count).field("window_end", windowEnd).build();
    }

    /** Writes partitions as the runtime would: one writer per partition, commit, close; then commitBatch. */
    private static void writeBatch(Sink sink, long batchTime, long attempt, List<List<Record>> partitions) throws IOException {
        List<Serializable> messages = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            try (PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(batchTime, partition, attempt))) {
                for (Record record : partitions.get(partition)) {
                    writer.write(record);
                }
                Serializable message = writer.commit();
                if (message != null) {
                    messages.add(message);
                }
            }
        }
        sink.commitBatch(batchTime, messages);
    }

    private Path batchDirectory(long batchTime) {
        return out.resolve("batch-" + batchTime);
    }

    /** Visible entries of a directory (Hadoop's local file system adds hidden .crc files). */
    private static List<String> visible(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void writesJsonLinesPerPartitionAndMarksTheBatch() throws Exception {
        Sink sink = sink(Map.of());
        Instant end = Instant.parse("2026-11-30T07:00:05Z");

        writeBatch(sink, BATCH, 1, List.of(
                List.of(count("ERROR", 3, end), count("WARN", 7, end)),
                List.of(Record.builder().field("raw", new byte[] {1, 2, 3}).field("ratio", 0.25).field("ok", true).build()),
                List.of()));

        // _temporary stays, empty, as the sink's working directory; readers skip names starting with _.
        assertThat(visible(out)).containsExactly("_temporary", "batch-" + BATCH);
        assertThat(visible(out.resolve("_temporary"))).isEmpty();
        assertThat(visible(batchDirectory(BATCH))).containsExactly("_SUCCESS", "part-00000.jsonl", "part-00001.jsonl");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.jsonl"))).isEqualTo(
                "{\"level\":\"ERROR\",\"count\":3,\"window_end\":\"2026-11-30T07:00:05Z\"}\n"
                        + "{\"level\":\"WARN\",\"count\":7,\"window_end\":\"2026-11-30T07:00:05Z\"}\n");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00001.jsonl")))
                .isEqualTo("{\"raw\":\"AQID\",\"ratio\":0.25,\"ok\":true}\n");
    }

    @Test
    void writesCsvWithHeaderChosenColumnsAndQuoting() throws Exception {
        Sink sink = sink(Map.of("format", "csv", "header", true, "fields", List.of("level", "message", "count")));

        writeBatch(sink, BATCH, 1, List.of(List.of(
                Record.builder().field("level", "ERROR").field("message", "refused, db-1").field("count", 3L).build(),
                Record.builder().field("level", "WARN").field("message", "said \"slow\"\nthen stopped").build(),
                Record.builder().field("level", "INFO").field("message", "").field("count", 1L).build())));

        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.csv"))).isEqualTo(
                "level,message,count\n"
                        + "ERROR,\"refused, db-1\",3\n"
                        + "WARN,\"said \"\"slow\"\"\nthen stopped\",\n"
                        + "INFO,\"\",1\n");
    }

    @Test
    void writesAllFieldsOrThePayloadWithoutFieldsOption() throws Exception {
        Sink sink = sink(Map.of("format", "csv"));

        writeBatch(sink, BATCH, 1, List.of(
                List.of(count("ERROR", 3, Instant.parse("2026-11-30T07:00:05Z"))),
                List.of(Record.ofText("2026-11-30T07:00:00.123Z,web-3,ERROR,Connection refused to db-1", null))));

        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.csv")))
                .isEqualTo("ERROR,3,2026-11-30T07:00:05Z\n");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00001.csv")))
                .isEqualTo("\"2026-11-30T07:00:00.123Z,web-3,ERROR,Connection refused to db-1\"\n");
    }

    @Test
    void headerDefaultsToTheFirstRecordsFieldNames() throws Exception {
        Sink sink = sink(Map.of("format", "csv", "header", "true"));

        writeBatch(sink, BATCH, 1, List.of(List.of(count("ERROR", 3, Instant.parse("2026-11-30T07:00:05Z")))));

        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.csv")))
                .isEqualTo("level,count,window_end\nERROR,3,2026-11-30T07:00:05Z\n");
    }

    @Test
    void compressesWithGzip() throws Exception {
        Sink sink = sink(Map.of("compression", "gzip"));

        writeBatch(sink, BATCH, 1, List.of(List.of(count("ERROR", 3, Instant.parse("2026-11-30T07:00:05Z")))));

        assertThat(visible(batchDirectory(BATCH))).containsExactly("_SUCCESS", "part-00000.jsonl.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(batchDirectory(BATCH).resolve("part-00000.jsonl.gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"level\":\"ERROR\",\"count\":3,\"window_end\":\"2026-11-30T07:00:05Z\"}\n");
        }
    }

    @Test
    void replayedBatchReplacesItsDirectory() throws Exception {
        Sink sink = sink(Map.of());
        Instant end = Instant.parse("2026-11-30T07:00:05Z");
        writeBatch(sink, BATCH, 1, List.of(List.of(count("ERROR", 1, end)), List.of(count("WARN", 1, end)), List.of(count("INFO", 1, end))));

        // The replay runs with two partitions and new attempt ids: nothing of the first run may remain.
        writeBatch(sink, BATCH, 2, List.of(List.of(count("ERROR", 2, end)), List.of(count("WARN", 2, end))));

        // _temporary stays, empty, as the sink's working directory; readers skip names starting with _.
        assertThat(visible(out)).containsExactly("_temporary", "batch-" + BATCH);
        assertThat(visible(out.resolve("_temporary"))).isEmpty();
        assertThat(visible(batchDirectory(BATCH))).containsExactly("_SUCCESS", "part-00000.jsonl", "part-00001.jsonl");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.jsonl")))
                .isEqualTo("{\"level\":\"ERROR\",\"count\":2,\"window_end\":\"2026-11-30T07:00:05Z\"}\n");
    }

    @Test
    void repeatedCommitBatchIsANoOpAndTemporaryFilesAreCleared() throws Exception {
        Sink sink = sink(Map.of());
        PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(BATCH, 0, 5));
        writer.write(Record.ofText("kept", null));
        Serializable message = writer.commit();
        writer.close();

        // A speculative attempt of the same partition that was aborted leaves nothing behind.
        PartitionWriter speculative = sink.writerFactory().create(TestingWriterContext.of(BATCH, 0, 6));
        speculative.write(Record.ofText("aborted", null));
        speculative.abort();
        speculative.close();

        sink.commitBatch(BATCH, List.of(message));
        sink.commitBatch(BATCH, List.of(message));

        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.jsonl"))).isEqualTo("{\"payload\":\"kept\"}\n");
        assertThat(visible(out.resolve("_temporary"))).isEmpty();
    }

    @Test
    void writesThroughSparkExecutors() throws Exception {
        Sink sink = sink(Map.of("format", "csv", "fields", List.of("level", "count")));
        Instant end = Instant.parse("2026-11-30T07:00:05Z");
        List<Record> records = List.of(count("ERROR", 3, end), count("WARN", 7, end), count("INFO", 60, end), count("DEBUG", 12, end));

        TestingSinkRunner.writeBatch(sink, spark.sparkContext().parallelize(records, 2), BATCH);

        assertThat(visible(batchDirectory(BATCH))).containsExactly("_SUCCESS", "part-00000.csv", "part-00001.csv");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00000.csv"))).isEqualTo("ERROR,3\nWARN,7\n");
        assertThat(Files.readString(batchDirectory(BATCH).resolve("part-00001.csv"))).isEqualTo("INFO,60\nDEBUG,12\n");
    }

    @Test
    void isIdempotent() throws Exception {
        assertThat(sink(Map.of()).delivery()).isEqualTo(SinkDelivery.IDEMPOTENT);
    }

    @Test
    void everyOptionHasARecordedDefault() {
        assertDefaults(FileSinkOptions.SPECS, Map.of("path", NO_DEFAULT, "format", FileSinkFormat.JSONL, "header", false,
                "fields", NO_DEFAULT, "compression", FileSinkCompression.NONE));
    }

    @Test
    void everyOptionIsRead() {
        Options options = assertFullMapping(FileSinkOptions.SPECS, Map.of("path", "file:/data/out", "format", "csv", "header", true,
                "fields", List.of("b", "a"), "compression", "gzip"));

        assertThat(FileSinkOptions.parse(options))
                .isEqualTo(new FileSinkOptions("file:/data/out", FileSinkFormat.CSV, true, List.of("b", "a"), FileSinkCompression.GZIP));
    }

    @Test
    void headerNeedsCsv() {
        FileSinkFactory factory = new FileSinkFactory();
        assertThatThrownBy(() -> factory.create(factory.options().parse(Map.of("path", "file:/tmp/x", "header", true)),
                TestingPluginContext.of("sinks[0]")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("option [header] applies to format [csv] only, but format is [jsonl]");
    }
}
