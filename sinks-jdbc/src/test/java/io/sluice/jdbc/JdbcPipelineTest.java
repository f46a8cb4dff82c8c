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
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.core.cli.SluiceCli;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * Whole pipelines into real databases: exactly-once through kills and restarts, a database that
 * goes down mid-run, and a refused row on its way to the dead-letter sink.
 */
@Timeout(300)
class JdbcPipelineTest {
    private static final long LIMIT = 6000;

    @TempDir
    Path work;

    /**
     * generator → parse → count per batch → PostgreSQL, exactly-once. Killed (SIGKILL) twice: restarted
     * from the checkpoint, then with a changed file (new checkpoint), which resumes from the positions
     * stored in PostgreSQL. Every record is counted exactly once.
     */
    @Test
    void killedAndRestartedTwiceEndsWithNothingLostAndNothingDuplicated() throws Exception {
        TestingDatabase database = TestingDatabase.POSTGRESQL;
        String id = UUID.randomUUID().toString().substring(0, 8);
        String table = "counts_" + id;
        Path file = TestPipelines.write(work, "counts.conf", """
                pipeline { name = counts-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = generator, name = logs, rate = 500, limit = %d, seed = 7, start-time = "2026-11-30T00:00:00Z" } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = jdbc, url = "%s", user = %s, table = %s, exactly-once = true, create-table = true,
                            retries = 10, retry-backoff = 200ms } ]
                """.formatted(id, work, LIMIT, database.url(), database.user(), table));
        LongSupplier total = () -> database.count("SELECT SUM(" + database.quote("count") + ") FROM " + table);
        try {
            long firstKill = runAndKill(file, "first", () -> tableExists(database, table) && total.getAsLong() >= 1000, total);
            assertThat(firstKill).as("killed part way").isLessThan(LIMIT);
            long secondKill = runAndKill(file, "second", () -> total.getAsLong() >= firstKill + 1000, total);
            assertThat(secondKill).as("killed part way again").isLessThan(LIMIT);

            TestPipelines.start(TestPipelines.bind(file, "pipeline.checkpoint=\"file:" + work + "/cp-changed\""))
                    .stopWhen(() -> total.getAsLong() >= LIMIT, Duration.ofSeconds(120));
            assertThat(total.getAsLong()).as("nothing lost, nothing counted twice").isEqualTo(LIMIT);
            assertThat(database.count("SELECT COUNT(DISTINCT window_end) FROM " + table)).as("batches written")
                    .isGreaterThanOrEqualTo(LIMIT / 250);
        }
        finally {
            database.drop(table);
            database.execute("DELETE FROM sluice_batches WHERE pipeline = 'counts-" + id + "'");
            database.execute("DELETE FROM sluice_positions WHERE pipeline = 'counts-" + id + "'");
        }
    }

    /**
     * The database stops mid-run (a private server, stopped at once) for a few seconds: batches due
     * meanwhile fail and are retried until it is back; none is skipped and nothing is counted twice.
     */
    @Test
    void aDatabaseThatStopsMidRunDelaysBatchesAndSkipsNone() throws Exception {
        try (PrivatePostgres server = PrivatePostgres.start()) {
            String table = "counts";
            Path file = TestPipelines.write(work, "outage.conf", """
                    pipeline { name = outage, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                    sources = [ { type = generator, name = logs, rate = 500, limit = %d, seed = 7, start-time = "2026-11-30T00:00:00Z" } ]
                    transforms = [
                      { type = parse, format = csv, fields = [ts, host, level, message] }
                      { type = count-by-value, field = level }
                    ]
                    sinks = [ { type = jdbc, url = "%s", user = postgres, table = %s, exactly-once = true, create-table = true,
                                connection-timeout = 1s, retries = 30, retry-backoff = 250ms } ]
                    """.formatted(work, LIMIT, server.url(), table));
            String sum = "SELECT COALESCE(SUM(\"count\"), 0) FROM " + table;
            TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(file));
            long stoppedAt;
            long startedAt;
            try {
                waitFor(() -> queryOr(server, sum, 0) > 0, Duration.ofSeconds(60));
                stoppedAt = System.currentTimeMillis();
                server.stopServer();
                Thread.sleep(4000);
                server.startServer();
                startedAt = System.currentTimeMillis();
            }
            catch (Throwable e) {
                running.runner().requestStop();
                throw e;
            }
            running.stopWhen(() -> queryOr(server, sum, 0) >= LIMIT, Duration.ofSeconds(120));
            assertThat(queryOr(server, sum, -1)).as("nothing lost, nothing counted twice").isEqualTo(LIMIT);
            // A batch due while the server was down was written after it came back: it failed, was retried, then succeeded.
            assertThat(queryOr(server, "SELECT COUNT(*) FROM sluice_batches WHERE batch_time BETWEEN " + stoppedAt + " AND " + startedAt
                    + " AND written_at > " + startedAt, -1)).isPositive();
        }
    }

    /**
     * A row the database refuses (not a number for a BIGINT column) goes to the dead-letter sink; the
     * rest of its batch is written. The dead letters go to a jdbc append table: the runtime writes a
     * batch's dead letters from transforms under the same batch time after the sink's, so a sink that
     * replaces output per batch time (memory, file) would lose the sink's ones (reported to platform-core).
     */
    @Test
    void aRefusedRowReachesTheDeadLetterSinkAndTheBatchCommits() throws Exception {
        TestingDatabase database = TestingDatabase.H2;
        String id = UUID.randomUUID().toString().substring(0, 8);
        String table = "refused_" + id;
        String deadLetters = "dlq_" + id;
        database.execute("CREATE TABLE \"" + table + "\" (\"level\" VARCHAR(16) PRIMARY KEY, \"count\" BIGINT)");
        MemoryStreams.feed("in-" + id, List.of(line(id, 0, "INFO,1"), line(id, 1, "WARN,many"), line(id, 2, "ERROR,3")));
        Path file = TestPipelines.write(work, "refused.conf", """
                pipeline { name = refused-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = in-%s, name = logs } ]
                transforms = [ { type = parse, format = csv, fields = [level, count] } ]
                sinks = [ { type = jdbc, url = "%s", user = sa, table = %s, exactly-once = true, batch-size = 10, retry-backoff = 100ms } ]
                errors { tolerance = all, dead-letter = { type = jdbc, url = "%s", user = sa, table = %s, create-table = true } }
                """.formatted(id, work, id, database.url(), table, database.url(), deadLetters));
        String deadLetterRows = "SELECT \"origin_offset\", \"failed_step\", \"error\" FROM \"" + deadLetters + "\"";
        try {
            TestPipelines.start(TestPipelines.bind(file))
                    .stopWhen(() -> tableExists(database, deadLetters) && !database.rows(deadLetterRows).isEmpty(), Duration.ofSeconds(60));
            assertThat(database.rows("SELECT \"level\", \"count\" FROM \"" + table + "\" ORDER BY 1")).containsExactly("ERROR|3", "INFO|1");
            assertThat(database.rows(deadLetterRows)).singleElement()
                    .satisfies(row -> assertThat(row).startsWith("1|sinks[0] (jdbc)|").contains("refused the row"));
        }
        finally {
            database.drop(table);
            database.drop(deadLetters);
        }
    }

    /** Runs the pipeline in its own JVM until {@code until} holds, then kills it (SIGKILL); returns the total at the kill. */
    private long runAndKill(Path file, String name, BooleanSupplier until, LongSupplier total) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-") || argument.startsWith("-XX:+IgnoreUnrecognized") || argument.startsWith("-Djdk.reflect")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), SluiceCli.class.getName(), "run", file.toString()));
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!until.getAsBoolean()) {
                assertThat(process.isAlive()).as("sluice run ended early; see " + log + ":\n" + tail(log)).isTrue();
                assertThat(System.nanoTime()).as("not reached in time; see " + log).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return total.getAsLong();
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log, UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean tableExists(TestingDatabase database, String table) {
        return database.count("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '" + table + "'") > 0;
    }

    private static long queryOr(PrivatePostgres server, String sql, long fallback) {
        try (var connection = java.sql.DriverManager.getConnection(server.url(), "postgres", "");
                var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : fallback;
        }
        catch (java.sql.SQLException e) {
            return fallback;
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Record line(String id, long offset, String text) {
        return Record.builder().payload(text.getBytes(UTF_8)).origin(new Origin("logs", "p-" + id, offset)).build();
    }
}
