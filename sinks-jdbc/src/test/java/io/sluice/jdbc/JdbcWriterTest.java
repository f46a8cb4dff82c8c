package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.api.source.Positions;

/**
 * The writer against each real database, driven as the runtime's batch job drives it (write every
 * record, commit or abort, close; a batch attempt again on failure): upserts, appends, replays,
 * exactly-once markers and positions, and a refused row set aside alone.
 */
@Timeout(60)
class JdbcWriterTest {
    private static final Instant WINDOW_END = Instant.parse("2026-11-30T05:00:10Z");
    private static final String PIPELINE = "writer-" + UUID.randomUUID();

    @AfterAll
    static void dropMarkers() {
        for (TestingDatabase database : TestingDatabase.values()) {
            database.execute("DELETE FROM " + database.quote("sluice_batches") + " WHERE " + database.quote("pipeline") + " = '" + PIPELINE + "'");
            database.execute("DELETE FROM " + database.quote("sluice_positions") + " WHERE " + database.quote("pipeline") + " = '" + PIPELINE + "'");
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.class)
    void upsertsByKeyAndAReplayedBatchLeavesTheRowsExact(TestingDatabase database) throws Exception {
        String table = TestingDatabase.uniqueTable("upsert");
        try {
            Sink sink = sink(database, table, Map.of("mode", "upsert", "key", List.of("level", "window_end"), "create-table", true,
                    "batch-size", 2));
            assertThat(sink.delivery()).isEqualTo(SinkDelivery.IDEMPOTENT);
            List<Record> batch = List.of(count("INFO", 60), count("WARN", 20), count("ERROR", 10), count("INFO", 61));
            assertThat(write(sink, 1000, Map.of(), batch)).isEmpty();
            assertThat(write(sink, 1000, Map.of(), batch)).as("replay").isEmpty();
            assertThat(levels(database, table)).containsExactly("ERROR|10", "INFO|61", "WARN|20");

            assertThat(write(sink, 2000, Map.of(), List.of(count("WARN", 25)))).isEmpty();
            assertThat(levels(database, table)).containsExactly("ERROR|10", "INFO|61", "WARN|25");
            assertThat(database.rows("SELECT " + database.quote("window_end") + " FROM " + database.quote(table) + " WHERE " + database.quote("level") + " = 'WARN'")).singleElement()
                    .satisfies(text -> assertThat(text).startsWith("2026-11-30").contains("05:00:10"));
        }
        finally {
            database.drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.class)
    void appendsRowsWithMappedColumnsAndDeclaredTypes(TestingDatabase database) throws Exception {
        String table = TestingDatabase.uniqueTable("append");
        try {
            Sink sink = sink(database, table, Map.of("columns", List.of("level", "n = count"), "create-table", true,
                    "column-types", List.of("level VARCHAR(16)")));
            assertThat(sink.delivery()).isEqualTo(SinkDelivery.APPEND);
            assertThat(write(sink, 1000, Map.of(), List.of(count("INFO", 1), count("INFO", 2)))).isEmpty();
            assertThat(write(sink, 2000, Map.of(), List.of(count("WARN", 3)))).isEmpty();
            assertThat(database.rows("SELECT " + database.quote("level") + ", " + database.quote("n") + " FROM " + database.quote(table) + " ORDER BY 2")).containsExactly("INFO|1", "INFO|2", "WARN|3");
        }
        finally {
            database.drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.class)
    void exactlyOnceSkipsABatchAlreadyWrittenAndStoresItsPositions(TestingDatabase database) throws Exception {
        String table = TestingDatabase.uniqueTable("once");
        try {
            Sink sink = sink(database, table, Map.of("exactly-once", true, "create-table", true));
            assertThat(sink.delivery()).isEqualTo(SinkDelivery.TRANSACTIONAL);
            assertThat(sink.requiresSinglePartition()).isTrue();
            sink.prepare();
            assertThat(sink.storedPositions("logs")).isEmpty();

            Map<String, Positions> first = Map.of("logs", Positions.of(Map.of("logs-0", "10", "logs-1", "12")));
            assertThat(write(sink, 1000, first, List.of(count("INFO", 6), count("WARN", 4)))).isEmpty();
            Map<String, Positions> replayed = Map.of("logs", Positions.of(Map.of("logs-0", "99", "logs-1", "99")));
            assertThat(write(sink, 1000, replayed, List.of(count("INFO", 6), count("WARN", 4), count("ERROR", 1)))).isEmpty();
            assertThat(levels(database, table)).as("the replay was skipped").containsExactly("INFO|6", "WARN|4");
            assertThat(sink.storedPositions("logs")).contains(first.get("logs"));

            Map<String, Positions> second = Map.of("logs", Positions.of(Map.of("logs-0", "20", "logs-1", "21")));
            assertThat(write(sink, 2000, second, List.of())).as("an empty batch still moves the positions").isEmpty();
            assertThat(sink.storedPositions("logs")).contains(second.get("logs"));
            assertThat(sink.storedPositions("other")).isEmpty();
        }
        finally {
            database.drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.class)
    void aRefusedRowIsSetAsideAloneAndTheRestCommitsWithThePositions(TestingDatabase database) throws Exception {
        String table = TestingDatabase.uniqueTable("refuse");
        database.execute("CREATE TABLE " + database.quote(table) + " (" + database.quote("level") + " VARCHAR(16) NOT NULL PRIMARY KEY, "
                + database.quote("count") + " BIGINT, " + database.quote("window_end") + " TIMESTAMP)");
        try {
            Sink sink = sink(database, table, Map.of("exactly-once", true, "batch-size", 2));
            sink.prepare();
            assertThat(write(sink, 1000, Map.of(), List.of(count("ERROR", 1)))).isEmpty();

            Map<String, Positions> positions = Map.of("logs", Positions.of(Map.of("logs-0", "5")));
            List<Record> batch = List.of(count("DEBUG", 1), count("INFO", 2), count("ERROR", 3), count("WARN", 4));
            assertThatThrownBy(() -> write(sink, 2000, positions, batch))
                    .isInstanceOf(SluiceException.class)
                    .satisfies(e -> assertThat(((SluiceException) e).isRetriable()).as("retried by the runtime").isTrue())
                    .hasMessageContaining("retried row by row");
            assertThat(levels(database, table)).as("the failed attempt rolled back").containsExactly("ERROR|1");

            List<RecordException> rejected = new ArrayList<>();
            List<Record> refused = new ArrayList<>();
            write(sink, 2000, positions, batch, (record, e) -> {
                rejected.add(e);
                refused.add(record);
            });
            assertThat(refused).containsExactly(count("ERROR", 3));
            assertThat(rejected).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("SQLState [23"));
            assertThat(levels(database, table)).containsExactly("DEBUG|1", "ERROR|1", "INFO|2", "WARN|4");
            assertThat(sink.storedPositions("logs")).contains(positions.get("logs"));

            assertThat(write(sink, 3000, Map.of(), List.of(count("FATAL", 1), count("TRACE", 2))))
                    .as("the next batch is batched again").isEmpty();
        }
        finally {
            database.drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestingDatabase.class, names = "POSTGRESQL")
    void aMissingTableFailsWithoutRetries(TestingDatabase database) {
        Sink sink = sink(database, TestingDatabase.uniqueTable("missing"), Map.of());
        assertThatThrownBy(() -> write(sink, 1000, Map.of(), List.of(count("INFO", 1))))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).isRetriable()).isFalse())
                .hasMessageContaining("SQLState [42P01]");
    }

    private static Record count(String level, long count) {
        return Record.builder().field("level", level).field("count", count).field("window_end", WINDOW_END).build();
    }

    private static List<String> levels(TestingDatabase database, String table) {
        return database.rows("SELECT " + database.quote("level") + ", " + database.quote("count") + " FROM " + database.quote(table) + " ORDER BY 1");
    }

    private static Sink sink(TestingDatabase database, String table, Map<String, Object> options) {
        Map<String, Object> raw = new LinkedHashMap<>(options);
        raw.put("url", database.url());
        raw.put("user", database.user());
        raw.put("table", table);
        return new JdbcSinkFactory().create(JdbcSinkOptions.SPECS.parse(raw), new TestingPluginContext(PIPELINE, "sinks[0]"));
    }

    /** One batch attempt, single partition, with refused records failing it (tolerance none). */
    private static List<Record> write(Sink sink, long batchTime, Map<String, Positions> positions, List<Record> records) throws IOException {
        List<Record> refused = new ArrayList<>();
        write(sink, batchTime, positions, records, (record, e) -> {
            throw e;
        });
        return refused;
    }

    /** One batch attempt as SinkWriterJob runs it: refused records go to {@code onRefused}, other failures abort. */
    private static void write(Sink sink, long batchTime, Map<String, Positions> positions, List<Record> records,
            RefusedRecords onRefused) throws IOException {
        PartitionWriter writer = sink.writerFactory().create(new TestingWriterContext(PIPELINE, "sinks[0]", batchTime, 0, 0, positions));
        try {
            for (Record record : records) {
                try {
                    writer.write(record);
                }
                catch (RecordException e) {
                    onRefused.refused(record, e);
                }
            }
            writer.commit();
        }
        catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        finally {
            writer.close();
        }
    }

    private interface RefusedRecords {
        void refused(Record record, RecordException e);
    }
}
