package io.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * Records an aggregation emits stay partitioned by its keys: a window summed from per-batch counts
 * by the same keys, through steps that keep the keys (filter, select, rename of other fields), adds
 * no shuffle of its own; a step that changes a key field makes it shuffle again, and count right.
 */
@Timeout(120)
class KeyedPartitioningTest {
    @TempDir
    Path work;

    @Test
    void aWindowOverPerBatchCountsByTheSameKeysShufflesNothing() throws Exception {
        assertWindowAddsNoShuffle("kp-" + UUID.randomUUID().toString().substring(0, 8), "");
    }

    @Test
    void soWhenBadRecordsAreSetAside() throws Exception {
        String id = "kpt-" + UUID.randomUUID().toString().substring(0, 8);
        assertWindowAddsNoShuffle(id, "errors { tolerance = all, dead-letter = { type = memory, stream = %s-dlq } }".formatted(id));
    }

    @Test
    void aStepThatRenamesTheKeyMakesTheNextAggregationShuffle() throws Exception {
        String id = "kpr-" + UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.feed(id, List.of(level("INFO"), level("INFO"), level("WARN")), List.of(level("INFO")));
        run(id, 2, """
                transforms = [
                  { type = count-by-value, name = per-batch, field = level }
                  { type = rename, name = renamed, fields = { level = severity, count = n } }
                  { type = aggregate, name = per-window, key = [severity], aggregates = ["sum(n) as count"], window = 1500ms }
                ]
                sinks = [ { type = memory, stream = %s-windows } ]
                """.formatted(id));

        assertThat(rows(id + "-windows", "severity").subList(0, 2)).containsExactly(List.of("INFO=2", "WARN=1"), List.of("INFO=3", "WARN=1"));
        assertThat(TestingShuffleWrites.stagesOf(id)).as("the per-batch counts' shuffles and the window's own").isEqualTo(4);
    }

    private void assertWindowAddsNoShuffle(String id, String errors) throws Exception {
        MemoryStreams.feed(id,
                List.of(level("INFO"), level("INFO"), level("WARN")),
                List.of(level("INFO")),
                List.of(level("WARN"), level("WARN")));
        run(id, 3, """
                transforms = [
                  { type = count-by-value, name = per-batch, field = level }
                  { type = filter, name = counted, input = per-batch, expression = "count > 0" }
                  { type = select, name = kept, input = counted, fields = [level, count] }
                  { type = rename, name = named, input = kept, fields = { count = n } }
                  { type = aggregate, name = per-window, input = named, key = [level], aggregates = ["sum(n) as count"], window = 1500ms }
                ]
                sinks = [
                  { type = memory, stream = %s-batches, input = per-batch }
                  { type = memory, stream = %s-windows, input = per-window }
                ]
                %s
                """.formatted(id, id, errors));

        assertThat(rows(id + "-windows", "level").subList(0, 3)).containsExactly(
                List.of("INFO=2", "WARN=1"),
                List.of("INFO=3", "WARN=1"),
                List.of("INFO=3", "WARN=3"));
        int batchesWithInput = 3;
        assertThat(TestingShuffleWrites.stagesOf(id)).as("stages that wrote shuffle data: the per-batch counts' only").isEqualTo(batchesWithInput);
    }

    /** Runs pipeline {@code id} over memory stream {@code id}, with its shuffles counted, until {@code windows} window batches are out. */
    private void run(String id, int windows, String stepsAndSinks) throws Exception {
        Path file = TestPipelines.write(work, id + ".conf", """
                pipeline {
                  name = %s, batch-interval = 500ms, checkpoint = "file:%s/cp-%s"
                  spark { "spark.extraListeners" = io.sluice.core.plan.TestingShuffleWrites }
                }
                sources = [ { type = memory, stream = %s } ]
                %s
                """.formatted(id, work, id, id, stepsAndSinks));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> MemoryStreams.batches(id + "-windows").size() >= windows, Duration.ofSeconds(60));
    }

    /** Each batch's rows as sorted {@code <key>=<count>} texts. */
    private static List<List<String>> rows(String stream, String keyField) {
        List<List<String>> batches = new ArrayList<>();
        for (List<Record> batch : MemoryStreams.batches(stream).values()) {
            batches.add(batch.stream().map(record -> record.getString(keyField) + "=" + record.getLong("count")).sorted().toList());
        }
        return batches;
    }

    private static Record level(String level) {
        return Record.builder().field("level", level).build();
    }
}
