package io.sluice.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.TestPipelines;
import io.sluice.testkit.hdfs.MiniHdfs;

/** Whole pipelines into HDFS: the seed's counts read back exactly, and a NameNode that stops mid-run. */
@Timeout(240)
class HdfsPipelineTest {
    private static final long LIMIT = 3000;
    private static final Pattern DATA_FILE = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d\\d)/batch=(\\d+)/part-\\d{5}\\.snappy\\.parquet");
    private static final DateTimeFormatter DAY_AND_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    @TempDir
    Path work;

    @Test
    void countsLandInParquetByHourAndAddUpExactly() throws Exception {
        String base = MiniHdfs.get().uri("/sluice/counts-" + UUID.randomUUID().toString().substring(0, 8));
        Path file = pipeline("counts", base);
        FileSystem fileSystem = MiniHdfs.get().fileSystem();
        org.apache.hadoop.fs.Path basePath = new org.apache.hadoop.fs.Path(base);
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> totalOrZero(fileSystem, basePath) >= LIMIT, Duration.ofSeconds(120));
        assertThat(total(fileSystem, basePath)).isEqualTo(LIMIT);
        // Partitioned by window_end, which count-by-value sets to the batch's time: each file's day
        // and hour are its batch's, in UTC.
        assertThat(HdfsFiles.dataFiles(fileSystem, basePath)).allSatisfy(path -> {
            Matcher parts = DATA_FILE.matcher(path);
            assertThat(parts.matches()).as(path).isTrue();
            Instant batch = Instant.ofEpochMilli(Long.parseLong(parts.group(3)));
            assertThat(parts.group(1) + "T" + parts.group(2)).as(path).isEqualTo(DAY_AND_HOUR.format(batch));
        });
    }

    /**
     * The NameNode of a private cluster stops for a few seconds mid-run: batches due meanwhile fail,
     * are retried, and land once it is back; none is skipped, none doubled.
     */
    @Test
    void aNameNodeThatStopsMidRunDelaysBatchesAndSkipsNone() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File("target/outage-hdfs/" + UUID.randomUUID()).getAbsolutePath());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            String base = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/sluice/outage";
            FileSystem fileSystem = cluster.getFileSystem();
            org.apache.hadoop.fs.Path basePath = new org.apache.hadoop.fs.Path(base);
            TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(pipeline("outage", base)));
            long restarting;
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (totalOrZero(fileSystem, basePath) == 0) {
                    assertThat(System.nanoTime()).as("no batch written in time").isLessThan(deadline);
                    Thread.sleep(100);
                }
                cluster.shutdownNameNode(0);
                Thread.sleep(4000);
                restarting = System.currentTimeMillis();
                cluster.restartNameNode(0, true);
            }
            catch (Throwable e) {
                running.runner().requestStop();
                throw e;
            }
            FileSystem restarted = cluster.getFileSystem();
            running.stopWhen(() -> totalOrZero(restarted, basePath) >= LIMIT, Duration.ofSeconds(120));
            assertThat(total(restarted, basePath)).as("nothing lost, nothing written twice").isEqualTo(LIMIT);
            long delayed = HdfsFiles.dataFiles(restarted, basePath).stream()
                    .filter(path -> {
                        long batchTime = Long.parseLong(path.replaceAll(".*batch=(\\d+)/.*", "$1"));
                        return batchTime < restarting && modified(restarted, basePath, path) > restarting;
                    })
                    .count();
            // Its batch time passed before the NameNode came back, yet its files are newer: it waited through the outage.
            assertThat(delayed).as("files of batches due before the NameNode came back, written after").isPositive();
        }
        finally {
            cluster.shutdown(true);
        }
    }

    private Path pipeline(String name, String base) {
        return TestPipelines.write(work.resolve(name), name + ".conf", """
                pipeline { name = hdfs-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = generator, name = logs, rate = 500, limit = %d, seed = 7, start-time = "2026-11-30T00:00:00Z" } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = hdfs, path = "%s", format = parquet, compression = snappy, partition-by-time = hour,
                            time-field = window_end, schema = ["level string", "count long", "window_start timestamp", "window_end timestamp"],
                            retries = 30, retry-backoff = 250ms } ]
                """.formatted(name + "-" + UUID.randomUUID().toString().substring(0, 8), work.resolve(name), LIMIT, base));
    }

    private static long total(FileSystem fileSystem, org.apache.hadoop.fs.Path base) {
        long total = 0;
        for (String path : HdfsFiles.dataFiles(fileSystem, base)) {
            for (Map<String, String> row : HdfsFiles.parquetRows(fileSystem, new org.apache.hadoop.fs.Path(base, path))) {
                total += Long.parseLong(row.get("count"));
            }
        }
        return total;
    }

    private static long totalOrZero(FileSystem fileSystem, org.apache.hadoop.fs.Path base) {
        try {
            return fileSystem.exists(base) ? total(fileSystem, base) : 0;
        }
        catch (Exception e) {
            return 0;
        }
    }

    private static long modified(FileSystem fileSystem, org.apache.hadoop.fs.Path base, String path) {
        try {
            FileStatus status = fileSystem.getFileStatus(new org.apache.hadoop.fs.Path(base, path));
            return status.getModificationTime();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
