package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.TestPipelines;

/** {@code examples/jdbc-log-levels.conf} runs as shipped (with its own table and checkpoint) and upserts window counts. */
@Timeout(180)
class JdbcExampleTest {
    @TempDir
    Path work;

    @Test
    void theExampleUpsertsWindowCountsIntoPostgresql() throws Exception {
        TestingDatabase database = TestingDatabase.POSTGRESQL;
        Path example = Path.of("..", "examples", "jdbc-log-levels.conf");
        assertThat(example).exists();
        String table = "log_level_counts_" + UUID.randomUUID().toString().substring(0, 8);
        Path file = TestPipelines.write(work, "example.conf", Files.readString(example));
        String rows = "SELECT COUNT(DISTINCT window_end) FROM information_schema.tables t, " + table + " WHERE t.table_name = '" + table + "'";
        try {
            TestPipelines.start(TestPipelines.bind(file, "pipeline.checkpoint=\"file:" + work + "/cp\"", "pipeline.batch-interval=500ms", "sources.0.rate=200",
                            "transforms.1.window=2s", "transforms.1.slide=500ms", "sinks.0.table=" + table,
                            "errors.dead-letter.path=\"file:" + work + "/dlq\""))
                    .stopWhen(() -> exists(database, table) && database.count(rows) >= 3, Duration.ofSeconds(90));
            List<String> levels = database.rows("SELECT DISTINCT level FROM " + table + " ORDER BY 1");
            assertThat(levels).containsExactly("DEBUG", "ERROR", "INFO", "WARN");
            assertThat(database.count("SELECT COUNT(*) FROM (SELECT level, window_end FROM " + table
                    + " GROUP BY level, window_end HAVING COUNT(*) > 1) duplicates")).as("one row per level and window").isZero();
            assertThat(database.rows("SELECT data_type FROM information_schema.columns WHERE table_name = '" + table
                    + "' ORDER BY ordinal_position")).containsExactly("character varying", "bigint", "timestamp with time zone",
                            "timestamp with time zone");
        }
        finally {
            database.drop(table);
        }
    }

    private static boolean exists(TestingDatabase database, String table) {
        return database.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }
}
