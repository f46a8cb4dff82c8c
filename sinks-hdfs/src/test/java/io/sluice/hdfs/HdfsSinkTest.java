package io.sluice.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.testkit.hdfs.MiniHdfs;

/**
 * The sink on a real HDFS (MiniDFSCluster), driven as the runtime drives it: every format and
 * compression read back from Hive-style partition directories, and a replayed batch leaves one copy.
 */
@Timeout(120)
class HdfsSinkTest {
    private static final long BATCH = Instant.parse("2026-11-30T05:10:00Z").toEpochMilli();

    @ParameterizedTest
    @CsvSource({"jsonl, none, jsonl", "jsonl, snappy, jsonl.snappy", "csv, gzip, csv.gz", "parquet, snappy, snappy.parquet",
            "parquet, gzip, gzip.parquet", "parquet, none, parquet"})
    void everyFormatReadsBackFromPartitionDirectoriesAndAReplayLeavesOneCopy(String format, String compression, String extension)
            throws Exception {
        String base = MiniHdfs.get().uri("/sluice/" + format + "-" + compression + "-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("path", base, "format", format, "compression", compression,
                "partition-by", List.of("level"), "partition-by-time", "hour", "time-field", "window_end"));
        if (format.equals("csv")) {
            raw.put("header", true);
        }
        Sink sink = new HdfsSinkFactory().create(HdfsSinkOptions.SPECS.parse(raw), new TestingPluginContext("hdfs-test", "sinks[0]"));
        sink.prepare();
        List<List<Record>> partitions = List.of(
                List.of(count("INFO", 60, "web-1", "05:00:10"), count("WARN", 20, "web-2, \"eu\"", "05:00:10")),
                List.of(count("INFO", 61, "web-3", "06:00:00")));
        write(sink, partitions, 1);
        write(sink, partitions, 2); // the replay: new attempts of the same batch

        FileSystem fileSystem = MiniHdfs.get().fileSystem();
        Path basePath = new Path(base);
        assertThat(HdfsFiles.dataFiles(fileSystem, basePath)).containsExactly(
                "level=INFO/dt=2026-11-30/hour=05/batch=" + BATCH + "/part-00000." + extension,
                "level=INFO/dt=2026-11-30/hour=06/batch=" + BATCH + "/part-00001." + extension,
                "level=WARN/dt=2026-11-30/hour=05/batch=" + BATCH + "/part-00000." + extension);
        assertThat(fileSystem.exists(new Path(basePath, "level=INFO/dt=2026-11-30/hour=05/batch=" + BATCH + "/_SUCCESS"))).isTrue();
        assertThat(fileSystem.listStatus(new Path(basePath, "_temporary"))).as("temporary files cleaned up").isEmpty();

        Path warn = new Path(basePath, "level=WARN/dt=2026-11-30/hour=05/batch=" + BATCH + "/part-00000." + extension);
        Path info = new Path(basePath, "level=INFO/dt=2026-11-30/hour=05/batch=" + BATCH + "/part-00000." + extension);
        switch (format) {
            case "jsonl" -> {
                assertThat(HdfsFiles.lines(fileSystem, warn)).containsExactly(
                        "{\"count\":20,\"host\":\"web-2, \\\"eu\\\"\",\"window_end\":\"2026-11-30T05:00:10Z\"}");
                assertThat(new ObjectMapper().readTree(HdfsFiles.lines(fileSystem, info).get(0)).get("count").asLong()).isEqualTo(60);
            }
            case "csv" -> assertThat(HdfsFiles.lines(fileSystem, warn))
                    .containsExactly("count,host,window_end", "20,\"web-2, \"\"eu\"\"\",2026-11-30T05:00:10Z");
            case "parquet" -> assertThat(HdfsFiles.parquetRows(fileSystem, warn)).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("count", "20").containsEntry("host", "web-2, \"eu\"")
                        .containsEntry("window_end", String.valueOf(Instant.parse("2026-11-30T05:00:10Z").toEpochMilli()));
                assertThat(row.get("#types")).isEqualTo("INT64,BINARY/STRING,INT64/TIMESTAMP(MILLIS,true)");
            });
            default -> throw new AssertionError(format);
        }
    }

    @Test
    void aRepeatedCommitOfABatchAlreadyInPlaceChangesNothing() throws Exception {
        String base = MiniHdfs.get().uri("/sluice/repeat-" + UUID.randomUUID().toString().substring(0, 8));
        Sink sink = new HdfsSinkFactory().create(HdfsSinkOptions.SPECS.parse(Map.of("path", base)), new TestingPluginContext("p", "s"));
        sink.prepare();
        List<Serializable> messages = write(sink, List.of(List.of(count("INFO", 1, "web-1", "05:00:00"))), 1);
        sink.commitBatch(BATCH, messages);
        FileSystem fileSystem = MiniHdfs.get().fileSystem();
        assertThat(HdfsFiles.dataFiles(fileSystem, new Path(base))).containsExactly("batch=" + BATCH + "/part-00000.jsonl");
        assertThat(HdfsFiles.lines(fileSystem, new Path(base, "batch=" + BATCH + "/part-00000.jsonl"))).hasSize(1);
    }

    /** One batch attempt over the given partitions, then the driver's commit; returns the commit messages. */
    private static List<Serializable> write(Sink sink, List<List<Record>> partitions, long attempt) throws IOException {
        List<Serializable> messages = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            PartitionWriter writer = sink.writerFactory()
                    .create(new TestingWriterContext("hdfs-test", "sinks[0]", BATCH, partition, attempt * 100 + partition, Map.of()));
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
        sink.commitBatch(BATCH, messages);
        return messages;
    }

    private static Record count(String level, long count, String host, String time) {
        return Record.builder().field("level", level).field("count", count).field("host", host)
                .field("window_end", Instant.parse("2026-11-30T" + time + "Z")).build();
    }
}
