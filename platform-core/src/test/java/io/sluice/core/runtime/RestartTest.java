package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.LineServer;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * A stateful pipeline stopped and started again continues: from its Spark checkpoint when the
 * file is unchanged (state and positions), from its stored positions when the file changed. Spark's
 * driver write-ahead log is kept only for pipelines with receivers.
 */
@Timeout(180)
class RestartTest {
    private static final long LIMIT = 6000;

    @TempDir
    Path work;

    @Test
    void continuesRunningCountsFromItsCheckpoint() throws Exception {
        Map<String, Long> uninterrupted = runToCompletion(UUID.randomUUID().toString().substring(0, 8));

        String id = UUID.randomUUID().toString().substring(0, 8);
        Path file = pipeline(id);
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total(latest(id)) > 0, Duration.ofSeconds(60));
        assertThat(total(latest(id))).as("stopped part way").isLessThan(LIMIT);
        // No receiver, so no driver write-ahead log (ReceiverlessDriverLog), and the restart below recovers without one.
        assertThat(work.resolve(id).resolve("cp/spark/receivedBlockMetadata")).doesNotExist();

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total(latest(id)) >= LIMIT, Duration.ofSeconds(90));
        assertThat(latest(id)).isEqualTo(uninterrupted);
    }

    @Test
    void aChangedFileResumesFromStoredPositionsWithFreshState() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path file = pipeline(id);
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total(latest(id)) > 0, Duration.ofSeconds(60));
        long firstRun = total(latest(id));
        assertThat(firstRun).isLessThan(LIMIT);

        String restarted = id + "-changed";
        TestPipelines.start(TestPipelines.bind(file, "sinks.0.stream=" + restarted))
                .stopWhen(() -> total(latest(restarted)) >= LIMIT - firstRun, Duration.ofSeconds(90));
        assertThat(total(latest(restarted))).as("nothing lost, nothing read twice").isEqualTo(LIMIT - firstRun);
    }

    @Test
    void aPipelineWithAReceiverKeepsSparksDriverLog() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (LineServer server = LineServer.serving("one\ntwo\n")) {
            Path file = TestPipelines.write(work.resolve(id), "lines.conf", """
                    pipeline { name = lines-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                    sources = [ { type = socket, name = lines, host = "127.0.0.1", port = %d } ]
                    sinks = [ { type = memory, stream = "%s" } ]
                    """.formatted(id, work.resolve(id), server.port(), id));
            TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> MemoryStreams.records(id).size() >= 2, Duration.ofSeconds(60));
        }
        assertThat(MemoryStreams.records(id)).hasSize(2);
        assertThat(work.resolve(id).resolve("cp/spark/receivedBlockMetadata")).isNotEmptyDirectory();
    }

    private Map<String, Long> runToCompletion(String id) throws Exception {
        TestPipelines.start(TestPipelines.bind(pipeline(id))).stopWhen(() -> total(latest(id)) >= LIMIT, Duration.ofSeconds(90));
        assertThat(total(latest(id))).as("every generated line counted once: " + latest(id)).isEqualTo(LIMIT);
        return latest(id);
    }

    private Path pipeline(String id) {
        // The stream id is quoted: unquoted, a hex id such as 1234e567 or 01234567 is a HOCON number,
        // which string options once read back as "Infinity" or "1234567"; they now get it as written.
        return TestPipelines.write(work.resolve(id), "counts.conf", """
                pipeline { name = counts-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = generator, name = logs, rate = 1500, limit = %d, seed = 7,
                              start-time = "2026-11-30T00:00:00Z" } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = stateful, key = [level] }
                ]
                sinks = [ { type = memory, stream = "%s" } ]
                """.formatted(id, work.resolve(id), LIMIT, id));
    }

    /** Each level's latest running count. */
    private static Map<String, Long> latest(String stream) {
        Map<String, Long> counts = new TreeMap<>();
        for (List<Record> batch : MemoryStreams.batches(stream).values()) {
            batch.forEach(record -> counts.put(record.getString("level"), record.getLong("count")));
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
