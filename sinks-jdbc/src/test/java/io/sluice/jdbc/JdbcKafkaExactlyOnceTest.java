package io.sluice.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.TestPipelines;
import io.sluice.core.cli.SluiceCli;
import io.sluice.testkit.kafka.KafkaBroker;

/**
 * The seed scenario, exactly once: Kafka → parse → count per batch → PostgreSQL with the Kafka
 * positions in the same transaction. Killed (SIGKILL) part way, more lines produced, then
 * restarted with a changed file (a new checkpoint), so it resumes from the positions stored in
 * PostgreSQL: every line is counted exactly once.
 */
@Timeout(300)
class JdbcKafkaExactlyOnceTest {
    private static final String[] LEVELS = {"DEBUG", "INFO", "INFO", "WARN", "ERROR"};

    @TempDir
    Path work;

    @Test
    void killedAndRestartedFromStoredPositionsCountsEveryKafkaRecordOnce() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        TestingDatabase database = TestingDatabase.POSTGRESQL;
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "logs-" + id;
        String table = "kafka_counts_" + id;
        broker.createTopic(topic, 3);
        produce(broker, topic, 0, 6000);
        Path file = TestPipelines.write(work, "kafka-jdbc.conf", """
                pipeline { name = kafka-jdbc-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = kafka, name = logs, bootstrap-servers = "%s", topics = [%s], group-id = g-%s,
                              starting-offsets = earliest, max-rate-per-partition = 200 } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = jdbc, url = "%s", user = %s, table = %s, exactly-once = true, create-table = true } ]
                """.formatted(id, work, broker.bootstrapServers(), topic, id, database.url(), database.user(), table));
        LongSupplier total = () -> database.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'") == 0
                ? 0 : database.count("SELECT SUM(\"count\") FROM " + table);
        try {
            long atKill = runAndKill(file, () -> total.getAsLong() >= 1500, total);
            assertThat(atKill).as("killed part way").isLessThan(6000);
            produce(broker, topic, 6000, 3000);

            TestPipelines.start(TestPipelines.bind(file, "pipeline.checkpoint=\"file:" + work + "/cp-changed\""))
                    .stopWhen(() -> total.getAsLong() >= 9000, Duration.ofSeconds(150));
            assertThat(total.getAsLong()).as("nothing lost, nothing counted twice").isEqualTo(9000);
            assertThat(database.rows("SELECT level, SUM(\"count\") FROM " + table + " GROUP BY level ORDER BY 1"))
                    .containsExactly("DEBUG|1800", "ERROR|1800", "INFO|3600", "WARN|1800");
        }
        finally {
            database.drop(table);
            database.execute("DELETE FROM sluice_batches WHERE pipeline = 'kafka-jdbc-" + id + "'");
            database.execute("DELETE FROM sluice_positions WHERE pipeline = 'kafka-jdbc-" + id + "'");
        }
    }

    private static void produce(KafkaBroker broker, String topic, int first, int count) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String line = "2026-11-30T07:00:00Z,web-" + (i % 7) + "," + LEVELS[i % LEVELS.length] + ",message " + i;
            records.add(new ProducerRecord<>(topic, i % 3, null, line.getBytes(UTF_8)));
        }
        broker.produce(records);
    }

    private long runAndKill(Path file, java.util.function.BooleanSupplier until, LongSupplier total) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-") || argument.startsWith("-XX:+IgnoreUnrecognized") || argument.startsWith("-Djdk.reflect")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), SluiceCli.class.getName(), "run", file.toString()));
        Path log = work.resolve("killed.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!until.getAsBoolean()) {
                assertThat(process.isAlive()).as("sluice run ended early; see " + log).isTrue();
                assertThat(System.nanoTime()).as("not reached in time; see " + log).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        finally {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return total.getAsLong();
    }
}
