package io.sluice.core.builtin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.builtin.TestingSourceContext;
import io.sluice.testkit.TestingPluginContext;

/**
 * The generator survives a real Spark checkpoint recovery: the restored graph regenerates the
 * batches it replays with exactly the records they had, and carries on without gaps.
 */
@SuppressWarnings("deprecation")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GeneratorRecoveryTest {
    // Static: the foreachRDD function is restored from the checkpoint, so it must capture nothing.
    private static final Map<Long, List<Record>> BATCHES = new ConcurrentSkipListMap<>();

    @TempDir
    Path checkpoint;

    @Test
    void recoveredStreamReplaysIdenticalBatchesAndContinues() throws Exception {
        String directory = checkpoint.toUri().toString();
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName(GeneratorRecoveryTest.class.getSimpleName())
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");

        JavaStreamingContext first = JavaStreamingContext.getOrCreate(directory, () -> {
            JavaStreamingContext streaming = new JavaStreamingContext(conf, Durations.milliseconds(200));
            streaming.checkpoint(directory);
            GeneratorSourceFactory factory = new GeneratorSourceFactory();
            factory.create(factory.options().parse(Map.of("rate", 50, "start-time", "2026-11-30T07:00:00Z")),
                            TestingPluginContext.of("logs"))
                    .open(TestingSourceContext.fresh(streaming, "logs"))
                    .foreachRDD((rdd, time) -> {
                        BATCHES.put(time.milliseconds(), rdd.collect());
                    });
            return streaming;
        });
        runUntil(first, 5);
        Map<Long, List<Record>> before = new TreeMap<>(BATCHES);
        BATCHES.clear();
        Thread.sleep(500);

        JavaStreamingContext recovered = JavaStreamingContext.getOrCreate(directory, () -> {
            throw new AssertionError("expected a recovery from the checkpoint, not a new context");
        });
        runUntil(recovered, 5);
        Map<Long, List<Record>> after = new TreeMap<>(BATCHES);

        Map<Long, List<Record>> all = new TreeMap<>(before);
        after.forEach((time, records) -> {
            if (before.containsKey(time)) {
                assertThat(records).as("replayed batch %s", Instant.ofEpochMilli(time)).isEqualTo(before.get(time));
            }
            all.put(time, records);
        });
        assertThat(after.keySet()).anyMatch(time -> time > before.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
        List<Long> offsets = new ArrayList<>();
        all.values().forEach(records -> records.forEach(record -> offsets.add(record.origin().offset())));
        // Batches down-time included, every record once, in order: the recovered graph kept its zero time.
        assertThat(offsets).containsExactlyElementsOf(LongStream.range(0, offsets.size()).boxed().toList());
        assertThat(all.values()).allSatisfy(records -> assertThat(records).hasSize(10));
    }

    private static void runUntil(JavaStreamingContext streaming, int batches) throws InterruptedException {
        streaming.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (BATCHES.size() < batches && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(BATCHES).hasSizeGreaterThanOrEqualTo(batches);
        }
        finally {
            Thread stopper = new Thread(() -> streaming.stop(true, false), "generator-recovery-stop");
            stopper.setDaemon(true);
            stopper.start();
            stopper.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(stopper.isAlive()).as("streaming context stopped").isFalse();
        }
    }
}
