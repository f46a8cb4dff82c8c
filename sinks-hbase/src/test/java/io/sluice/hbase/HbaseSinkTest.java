package io.sluice.hbase;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.option.Options;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.core.TestPipelines;

/**
 * The sink against HBase's mini cluster (its own JVM): rows and cells as configured, cells stamped
 * with the batch time, a replay that rewrites rather than adds versions, and the seed's counts from
 * a whole pipeline read back with Get and Scan.
 */
@Timeout(400)
class HbaseSinkTest {
    private static final long BATCH = Instant.parse("2026-11-30T05:00:10Z").toEpochMilli();

    @TempDir
    Path work;

    @Test
    void rowsAndCellsAsConfiguredAndAReplayRewritesTheSameVersions() throws Exception {
        String table = "counts_" + UUID.randomUUID().toString().substring(0, 8);
        Sink sink = sink(Map.of("table", table, "row-key", "${level}#${window_end}", "columns", List.of("n = count", "host")));
        // Five versions kept: a replay that added versions would show.
        try (Admin admin = connection().getAdmin()) {
            admin.createTable(TableDescriptorBuilder.newBuilder(TableName.valueOf(table))
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder("d".getBytes(UTF_8)).setMaxVersions(5).build()).build());
        }
        sink.prepare();
        List<List<Record>> batch = List.of(List.of(count("INFO", 60, "web-1")), List.of(count("WARN", 20, null)));
        write(sink, BATCH, batch, 1);
        write(sink, BATCH, batch, 2); // the replay

        String infoRow = "INFO#2026-11-30T05:00:10Z";
        Map<String, List<String>> info = cells(table, infoRow);
        assertThat(info).containsExactly(Map.entry("d:host", List.of("web-1@" + BATCH)), Map.entry("d:n", List.of("60@" + BATCH)));
        assertThat(cells(table, "WARN#2026-11-30T05:00:10Z")).as("a null field writes no cell")
                .containsExactly(Map.entry("d:n", List.of("20@" + BATCH)));

        write(sink, BATCH + 500, List.of(List.of(count("INFO", 61, "web-1"))), 3);
        assertThat(cells(table, infoRow).get("d:n")).as("a later batch adds a version, as HBase keeps them")
                .containsExactly("61@" + (BATCH + 500), "60@" + BATCH);
    }

    @Test
    void createsTheTableAndWritesEveryFieldOutsideTheRowKey() throws Exception {
        String table = "created_" + UUID.randomUUID().toString().substring(0, 8);
        Sink sink = sink(Map.of("table", table, "row-key", "${level}", "create-table", true, "column-family", "c"));
        sink.prepare();
        write(sink, BATCH, List.of(List.of(count("ERROR", 3, "web-9"))), 1);
        assertThat(cells(table, "ERROR")).containsExactly(Map.entry("c:count", List.of("3@" + BATCH)),
                Map.entry("c:host", List.of("web-9@" + BATCH)), Map.entry("c:window_end", List.of("2026-11-30T05:00:10Z@" + BATCH)));
    }

    @Test
    void theSeedCountsLandInHbaseAndAddUpExactly() throws Exception {
        String table = "seed_" + UUID.randomUUID().toString().substring(0, 8);
        long limit = 3000;
        Instant started = Instant.now();
        Path file = TestPipelines.write(work, "hbase.conf", """
                pipeline { name = hbase-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = generator, name = logs, rate = 500, limit = %d, seed = 7, start-time = "2026-11-30T00:00:00Z" } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = hbase, zookeeper-quorum = "%s", table = %s, row-key = "${level}#${window_end}",
                            columns = [count], create-table = true } ]
                """.formatted(table, work, limit, TestingHbaseCluster.get().zookeeperQuorum(), table));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total(table) >= limit, Duration.ofSeconds(120));
        assertThat(total(table)).isEqualTo(limit);
        Result one = table(table).get(new Get(firstRow(table).getBytes(UTF_8)));
        // The row key's window_end is a batch time of this run (count-by-value's windows are its batches).
        String[] levelAndEnd = new String(one.getRow(), UTF_8).split("#", 2);
        assertThat(levelAndEnd[0]).isIn("DEBUG", "INFO", "WARN", "ERROR");
        assertThat(Instant.parse(levelAndEnd[1])).isBetween(started.minusSeconds(1), Instant.now());
    }

    /**
     * The only region server stops mid-run (the fixture stops it, then starts a new one): batches
     * due meanwhile wait (the client's retries, then the runtime's) and land once regions are served
     * again; none is skipped, none doubled. A low rate spreads the records over 30 s of batches, so
     * batches with records fall due during the outage.
     */
    @Test
    void aRegionServerThatStopsMidRunDelaysBatchesAndSkipsNone() throws Exception {
        String table = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        long limit = 3000;
        Path file = TestPipelines.write(work, "outage.conf", """
                pipeline { name = hbase-%s, batch-interval = 500ms, checkpoint = "file:%s/outage-cp" }
                sources = [ { type = generator, name = logs, rate = 100, limit = %d, seed = 7, start-time = "2026-11-30T00:00:00Z" } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = hbase, zookeeper-quorum = "%s", table = %s, row-key = "${level}#${window_end}",
                            columns = [count, window_end], create-table = true, retries = 30, retry-backoff = 500ms } ]
                """.formatted(table, work, limit, TestingHbaseCluster.get().zookeeperQuorum(), table));
        TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(file));
        long stoppedAt;
        long restarting;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (total(table) == 0) {
                assertThat(System.nanoTime()).as("no batch written in time").isLessThan(deadline);
                Thread.sleep(100);
            }
            TestingHbaseCluster.get().stopRegionServer();
            stoppedAt = System.currentTimeMillis();
            Thread.sleep(3000);
            restarting = System.currentTimeMillis();
            TestingHbaseCluster.get().startRegionServer();
        }
        catch (Throwable e) {
            running.runner().requestStop();
            throw e;
        }
        running.stopWhen(() -> total(table) >= limit, Duration.ofSeconds(240));
        assertThat(total(table)).as("nothing lost, nothing counted twice").isEqualTo(limit);
        // Nothing could be written while no region server ran, so these batches landed after it came back.
        assertThat(windowEnds(table)).as("batches due while the region server was down")
                .anySatisfy(end -> assertThat(end).isBetween(Instant.ofEpochMilli(stoppedAt), Instant.ofEpochMilli(restarting)));
    }

    private static List<Instant> windowEnds(String table) throws IOException {
        List<Instant> ends = new ArrayList<>();
        try (Table handle = table(table); ResultScanner scanner = handle.getScanner(new Scan())) {
            for (Result result : scanner) {
                ends.add(Instant.parse(new String(result.getValue("d".getBytes(UTF_8), "window_end".getBytes(UTF_8)), UTF_8)));
            }
        }
        return ends;
    }

    private static Sink sink(Map<String, Object> options) {
        Map<String, Object> raw = new LinkedHashMap<>(options);
        raw.put("zookeeper-quorum", TestingHbaseCluster.get().zookeeperQuorum());
        Options parsed = HbaseSinkOptions.SPECS.parse(raw);
        return new HbaseSinkFactory().create(parsed, new TestingPluginContext("hbase-test", "sinks[0]"));
    }

    private static Connection connection() throws IOException {
        return HbaseConnections.get(HbaseSinkOptions.parse(HbaseSinkOptions.SPECS.parse(Map.of(
                "zookeeper-quorum", TestingHbaseCluster.get().zookeeperQuorum(), "table", "unused", "row-key", "${x}"))));
    }

    private static Table table(String name) throws IOException {
        return connection().getTable(TableName.valueOf(name));
    }

    /** Every version of every cell of a row, as family:qualifier to value@timestamp, newest first. */
    private static Map<String, List<String>> cells(String table, String row) throws IOException {
        try (Table handle = table(table)) {
            Result result = handle.get(new Get(row.getBytes(UTF_8)).readAllVersions());
            Map<String, List<String>> cells = new TreeMap<>();
            for (Cell cell : result.rawCells()) {
                cells.computeIfAbsent(new String(CellUtil.cloneFamily(cell), UTF_8) + ":" + new String(CellUtil.cloneQualifier(cell), UTF_8),
                        key -> new ArrayList<>()).add(new String(CellUtil.cloneValue(cell), UTF_8) + "@" + cell.getTimestamp());
            }
            return cells;
        }
    }

    private static long total(String table) {
        try (Table handle = table(table); ResultScanner scanner = handle.getScanner(new Scan())) {
            long total = 0;
            for (Result result : scanner) {
                total += Long.parseLong(new String(result.getValue("d".getBytes(UTF_8), "count".getBytes(UTF_8)), UTF_8));
            }
            return total;
        }
        catch (IOException | java.io.UncheckedIOException e) {
            return 0; // not created yet
        }
    }

    private static String firstRow(String table) throws IOException {
        try (Table handle = table(table); ResultScanner scanner = handle.getScanner(new Scan().setLimit(1))) {
            return new String(scanner.next().getRow(), UTF_8);
        }
    }

    private static void write(Sink sink, long batchTime, List<List<Record>> partitions, long attempt) throws IOException {
        List<Serializable> messages = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            PartitionWriter writer = sink.writerFactory()
                    .create(new TestingWriterContext("hbase-test", "sinks[0]", batchTime, partition, attempt * 100 + partition, Map.of()));
            try {
                for (Record record : partitions.get(partition)) {
                    writer.write(record);
                }
                Serializable message = writer.commit();
                if (message != null) {
                    messages.add(message);
                }
            }
            finally {
                writer.close();
            }
        }
        sink.commitBatch(batchTime, messages);
    }

    private static Record count(String level, long count, String host) {
        return Record.builder().field("level", level).field("count", count).field("host", host)
                .field("window_end", Instant.ofEpochMilli(BATCH)).build();
    }
}
