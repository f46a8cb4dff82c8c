package io.sluice.core.builtin.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.hdfs.MiniHdfs;
import io.sluice.testkit.memory.MemoryStreams;

/** Checkpoints on HDFS: a stateful pipeline killed mid-run and started again continues its state exactly. */
@Timeout(240)
class StatefulHdfsCheckpointTest {
    @TempDir
    Path work;

    @Test
    void aKilledStatefulPipelineRecoversItsStateFromHdfs() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String input = "hdfs-kill-in-" + run;
        String output = "hdfs-kill-out-" + run;
        List<List<Record>> batches = randomLevels(30, 20, 7);
        MemoryStreams.feed(input, batches);
        String checkpoint = MiniHdfs.get().uri("/sluice/stateful-kill-" + run);
        Path file = TestPipelines.write(work, "stateful.conf", """
                pipeline { name = stateful-kill, batch-interval = 300ms, checkpoint = "%s" }
                sources = [ { type = memory, stream = %s } ]
                transforms = [ { type = stateful, key = [level] } ]
                state { type = checkpoint }
                sinks = [ { type = memory, stream = %s, retry-backoff = 100ms } ]
                """.formatted(checkpoint, input, output));

        TestPipelines.Running first = TestPipelines.start(TestPipelines.bind(file));
        awaitBatches(output, 12, first);
        first.kill(Duration.ofSeconds(60));
        int writtenBeforeKill = MemoryStreams.batches(output).size();
        FileStatus[] saved = MiniHdfs.get().fileSystem().listStatus(new org.apache.hadoop.fs.Path(checkpoint + "/spark"));
        assertThat(saved).extracting(status -> status.getPath().getName()).anyMatch(name -> name.startsWith("checkpoint-"));

        Map<String, Long> expected = recount(batches);
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> MemoryStreams.pending(input) == 0 && latestCounts(output).equals(expected), Duration.ofSeconds(150));

        assertThat(writtenBeforeKill).as("the kill came mid-run").isBetween(1, 29);
        assertThat(latestCounts(output)).isEqualTo(expected);
    }

    private static void awaitBatches(String output, int count, TestPipelines.Running running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (MemoryStreams.batches(output).size() < count) {
            if (System.nanoTime() > deadline || running.outcome().isDone()) {
                throw new AssertionError("the pipeline did not write " + count + " batches");
            }
            Thread.sleep(50);
        }
    }

    static List<List<Record>> randomLevels(int batchCount, int perBatch, long seed) {
        String[] levels = {"DEBUG", "INFO", "WARN", "ERROR"};
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < batchCount; b++) {
            List<Record> batch = new ArrayList<>();
            int size = random.nextInt(perBatch + 1);
            for (int i = 0; i < size; i++) {
                batch.add(Record.builder().field("level", levels[random.nextInt(levels.length)]).build());
            }
            batches.add(batch);
        }
        return batches;
    }

    static Map<String, Long> recount(List<List<Record>> batches) {
        Map<String, Long> counts = new TreeMap<>();
        batches.forEach(batch -> batch.forEach(record -> counts.merge(record.getString("level"), 1L, Long::sum)));
        return counts;
    }

    /** Each key's count as of the latest batch that reported it. */
    static Map<String, Long> latestCounts(String output) {
        Map<String, Long> counts = new TreeMap<>();
        MemoryStreams.batches(output).values().forEach(batch -> batch.forEach(
                record -> counts.put(record.getString("level"), record.getLong("count"))));
        return counts;
    }
}
