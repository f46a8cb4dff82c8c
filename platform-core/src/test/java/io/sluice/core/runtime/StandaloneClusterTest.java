package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * A pipeline submitted to a real Spark standalone cluster: a master and a worker in their own
 * JVMs, started from Spark's own classes; the worker launches the executor JVM, which gets
 * Sluice's classes only through {@code spark.jars}.
 */
@Timeout(240)
class StandaloneClusterTest {
    private static final long LIMIT = 4000;

    @TempDir
    static Path cluster;

    private static Process master;
    private static Process worker;
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        // A SPARK_HOME the worker builds executor class paths from: Spark's jars, not Sluice's.
        Path sparkHome = cluster.resolve("spark-home");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !Files.exists(jars.resolve(path.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path);
            }
        }
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", String.valueOf(freePort())), sparkHome);
        awaitPort(port, master);
        worker = start("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--webui-port", String.valueOf(freePort()), "--cores", "2", "--memory", "1g",
                "--work-dir", cluster.resolve("work").toString(), masterUrl), sparkHome);
    }

    @AfterAll
    static void stopCluster() {
        for (Process process : new Process[] {worker, master}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void runsOnAStandaloneClusterWithExactCounts() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path file = TestPipelines.write(cluster.resolve(id), "cluster.conf", """
                pipeline {
                  name = cluster-%s, batch-interval = 1s, checkpoint = "file:%s/cp", master = "%s"
                  spark { "spark.driver.host" = "127.0.0.1", "spark.driver.bindAddress" = "127.0.0.1",
                          "spark.executor.memory" = 512m, "spark.cores.max" = "2",
                          # The memory sink is on this test's class path, not in a plugin bundle.
                          "spark.jars" = "%s" }
                }
                sources = [ { type = generator, name = logs, rate = 2000, limit = %d, seed = 11 } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = filter, expression = "level != 'NONE'" }
                  { type = stateful, key = [level] }
                ]
                sinks = [ { type = memory, stream = cluster-%s } ]
                """.formatted(id, cluster.resolve(id), masterUrl, ClusterJars.jarOf(MemoryStreams.class), LIMIT, id));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total("cluster-" + id) == LIMIT, Duration.ofSeconds(150));
        Map<String, Long> counts = latest("cluster-" + id);
        assertThat(counts).containsOnlyKeys("DEBUG", "INFO", "WARN", "ERROR");
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(LIMIT);
        try (var executors = Files.walk(cluster.resolve("work"))) {
            assertThat(executors.anyMatch(path -> path.getFileName().toString().equals("stderr")))
                    .as("the worker launched an executor JVM").isTrue();
        }
    }

    private static Map<String, Long> latest(String stream) {
        Map<String, Long> counts = new TreeMap<>();
        for (List<Record> batch : MemoryStreams.batches(stream).values()) {
            batch.forEach(record -> counts.put(record.getString("level"), record.getLong("count")));
        }
        return counts;
    }

    private static long total(String stream) {
        return latest(stream).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Process start(String name, List<String> main, Path sparkHome) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(cluster.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SLUICE_SECRET_KEY", System.getProperty("sluice.secret.key", ""));
        return builder.start();
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the Spark master died; see " + cluster.resolve("master.log")).isTrue();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
