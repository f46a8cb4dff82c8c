package io.sluice.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.kafka.KafkaBroker;
import io.sluice.testkit.memory.MemoryStreams;

/** The {@code kafka} source against a real broker, counting log levels as the seed application does. */
@Timeout(300)
class KafkaSourceTest {
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "WARN", "WARN", "ERROR", "DEBUG"};
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private final KafkaBroker broker = KafkaBroker.shared();

    @TempDir
    Path work;

    @Test
    void countsEveryOneOfHundredThousandLinesOnce() throws Exception {
        broker.createTopic("levels-100k", 4);
        Map<String, Long> expected = produceLines("levels-100k", 4, 0, 100_000);
        Path file = levelCountPipeline("levels-100k", "topics = [levels-100k]", "levels-100k-out", "");

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> total("levels-100k-out") >= 100_000 && committedAll("levels-100k", "levels-100k"), RUN_TIMEOUT);

        assertThat(counts("levels-100k-out")).isEqualTo(expected);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
    }

    @Test
    void resumesExactlyOnTheSameCheckpointAndFromStoredPositions() throws Exception {
        broker.createTopic("restart", 4);
        Map<String, Long> expected = produceLines("restart", 4, 0, 20_000);
        // 100 records per partition per 500ms batch: about 50 batches, so the first run stops part way
        // even when a loaded machine lets batches queue up (a graceful stop finishes every queued batch).
        Path file = levelCountPipeline("restart", "topics = [restart], max-rate-per-partition = 200", "restart-out", "");

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total("restart-out") >= 3_000, RUN_TIMEOUT);
        assertThat(total("restart-out")).isLessThan(20_000);

        // Same checkpoint: Spark recovers the graph; replayed batches replace their earlier output.
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total("restart-out") >= 20_000, RUN_TIMEOUT);
        assertThat(counts("restart-out")).isEqualTo(expected);

        // A fresh Spark checkpoint: the source starts from the positions stored after the last batch.
        deleteRecursively(work.resolve("restart-cp/spark"));
        merge(expected, produceLines("restart", 4, 20_000, 4_000));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total("restart-out") >= 24_000, RUN_TIMEOUT);
        assertThat(counts("restart-out")).isEqualTo(expected);

        // Another checkpoint, same group: no stored positions, so the group's committed offsets, which
        // the stopped run committed up to its last batch.
        assertThat(committedAll("restart", "restart")).isTrue();
        merge(expected, produceLines("restart", 4, 24_000, 2_000));
        Path other = levelCountPipeline("restart-other", "topics = [restart], group-id = restart", "restart-out", "");
        TestPipelines.start(TestPipelines.bind(other)).stopWhen(() -> total("restart-out") >= 26_000, RUN_TIMEOUT);
        assertThat(counts("restart-out")).isEqualTo(expected);
    }

    @Test
    void batchFailedInSinkIsNotCommittedAndIsReplayed() throws Exception {
        broker.createTopic("failing", 2);
        Map<String, Long> expected = produceLines("failing", 2, 0, 1_000);
        Path file = levelCountPipeline("failing", "topics = [failing]", "failing-out", "retries = 0");
        MemoryStreams.failNextCommits("failing-out", 1);

        Throwable failure = TestPipelines.start(TestPipelines.bind(file)).awaitFailure(RUN_TIMEOUT);

        assertThat(failure).hasMessageContaining("its positions are not committed");
        assertThat(total("failing-out")).isZero();
        assertThat(broker.committedOffsets("failing")).isEmpty();
        assertThat(Files.exists(work.resolve("failing-cp/positions/kafka-logs.json"))).isFalse();

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> total("failing-out") >= 1_000 && committedAll("failing", "failing"), RUN_TIMEOUT);
        assertThat(counts("failing-out")).isEqualTo(expected);
    }

    @Test
    void namedTopicsAreAssignedAtEveryStartSoPartitionsAddedBetweenRunsAreRead() throws Exception {
        broker.createTopic("grown", 2);
        Map<String, Long> expected = produceLines("grown", 2, 0, 1_000);
        Path file = levelCountPipeline("grown", "topics = [grown]", "grown-out", "");

        List<Integer> membersWhileRunning = new ArrayList<>();
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> {
            if (total("grown-out") < 1_000 || !committedAll("grown", "grown")) {
                return false;
            }
            membersWhileRunning.add(groupMembers("grown"));
            return true;
        }, RUN_TIMEOUT);
        // Assigned, not subscribed: the driver never joins the group, whose first rebalance a broker
        // holds for group.initial.rebalance.delay.ms at every start; it commits all the same.
        assertThat(membersWhileRunning).containsExactly(0);
        assertThat(counts("grown-out")).isEqualTo(expected);

        broker.admin().createPartitions(Map.of("grown", NewPartitions.increaseTo(3))).all().get();
        merge(expected, produceLines("grown", 3, 1_000, 300));
        // Same checkpoint: the recovered stream lists the topic's partitions again and reads the new one.
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> total("grown-out") >= 1_300, RUN_TIMEOUT);
        assertThat(counts("grown-out")).isEqualTo(expected);
        assertThat(committedAll("grown", "grown")).isTrue();
    }

    @Test
    void topicPatternPicksUpTopicCreatedWhileRunning() throws Exception {
        broker.createTopic("pattern-a", 1);
        Map<String, Long> expected = produceLines("pattern-a", 1, 0, 100);
        // A short metadata age makes the consumer see the new topic within the test's patience.
        Path file = levelCountPipeline("pattern", "topic-pattern = \"pattern-.*\", kafka { metadata.max.age.ms = 500 }", "pattern-out", "");

        var running = TestPipelines.start(TestPipelines.bind(file));
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (total("pattern-out") < 100 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        broker.createTopic("pattern-b", 2);
        merge(expected, produceLines("pattern-b", 2, 100, 50));
        running.stopWhen(() -> total("pattern-out") >= 150, RUN_TIMEOUT);

        assertThat(counts("pattern-out")).isEqualTo(expected);
    }

    @Test
    void valuesNotUtf8OrNotJsonGoToDeadLettersWithTheirOrigin() throws Exception {
        broker.createTopic("json-in", 1);
        broker.produce(List.of(
                new ProducerRecord<>("json-in", 0, null, "{\"level\":\"INFO\",\"n\":1}".getBytes(UTF_8)),
                new ProducerRecord<>("json-in", 0, null, new byte[] {(byte) 0xC3, (byte) 0x28}),
                new ProducerRecord<>("json-in", 0, null, "not json".getBytes(UTF_8)),
                new ProducerRecord<>("json-in", 0, "k".getBytes(UTF_8), "{\"level\":\"WARN\",\"n\":2}".getBytes(UTF_8))));
        Path file = TestPipelines.write(work, "json.conf", """
                pipeline { name = json-in, batch-interval = 500ms, checkpoint = "file:%s/json-cp" }
                sources = [ { type = kafka, name = events, bootstrap-servers = "%s", topics = [json-in],
                              starting-offsets = earliest, value-format = json } ]
                sinks = [ { type = memory, stream = json-out } ]
                errors { tolerance = all, dead-letter = { type = memory, stream = json-dlq } }
                """.formatted(work, broker.bootstrapServers()));

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> MemoryStreams.records("json-out").size() + MemoryStreams.records("json-dlq").size() >= 4, RUN_TIMEOUT);

        List<Record> good = MemoryStreams.records("json-out");
        assertThat(good).extracting(record -> record.getString("level") + "/" + record.getLong("n") + "/" + record.getString("topic")
                + "/" + record.getLong("offset") + "/" + record.key())
                .containsExactly("INFO/1/json-in/0/null", "WARN/2/json-in/3/k");
        List<Record> dead = MemoryStreams.records("json-dlq");
        assertThat(dead).extracting(record -> record.getString("origin_source") + " " + record.getString("origin_partition")
                + "@" + record.getLong("origin_offset") + ": " + record.getString("error"))
                .containsExactly("events json-in-0@1: value is not valid UTF-8",
                        "events json-in-0@2: value is not valid JSON (line 1, column 4)");
    }

    @Test
    void missingTopicFailsAtStartNamingIt() throws Exception {
        Path file = levelCountPipeline("missing", "topics = [no-such-topic], start-timeout = 5s", "missing-out", "");

        Throwable failure = TestPipelines.start(TestPipelines.bind(file)).awaitFailure(Duration.ofSeconds(60));

        assertThat(failure).hasMessageContaining("topic [no-such-topic] not found on [" + broker.bootstrapServers() + "]");
    }

    @Test
    void unreachableBrokerFailsWithinStartTimeout() throws Exception {
        Path file = TestPipelines.write(work, "unreachable.conf", """
                pipeline { name = unreachable, batch-interval = 500ms, checkpoint = "file:%s/unreachable-cp" }
                sources = [ { type = kafka, name = logs, bootstrap-servers = "127.0.0.1:9", topics = [logs], start-timeout = 2s } ]
                sinks = [ { type = memory, stream = unreachable-out } ]
                """.formatted(work));

        long started = System.nanoTime();
        Throwable failure = TestPipelines.start(TestPipelines.bind(file)).awaitFailure(Duration.ofSeconds(60));

        assertThat(failure).hasMessageContaining("Kafka at [127.0.0.1:9] did not answer within [2s]");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    private Path levelCountPipeline(String name, String sourceOptions, String outStream, String sinkOptions) {
        return TestPipelines.write(work, name + ".conf", """
                pipeline { name = %1$s, batch-interval = 500ms, checkpoint = "file:%2$s/%1$s-cp" }
                sources = [ { type = kafka, name = kafka-logs, bootstrap-servers = "%3$s", group-id = %1$s,
                              starting-offsets = earliest, %4$s } ]
                transforms = [
                  { type = test-csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = memory, stream = %5$s %6$s } ]
                """.formatted(name, work, broker.bootstrapServers(), sourceOptions, outStream,
                sinkOptions.isEmpty() ? "" : ", " + sinkOptions));
    }

    /** Produces {@code count} CSV log lines numbered from {@code first}, spread evenly over the partitions; returns the count per level. */
    private Map<String, Long> produceLines(String topic, int partitions, int first, int count) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        Map<String, Long> levels = new TreeMap<>();
        for (int i = first; i < first + count; i++) {
            String level = LEVELS[i % LEVELS.length];
            String line = "2026-11-30T07:00:00Z,host-" + (i % 7) + "," + level + ",message " + i;
            records.add(new ProducerRecord<>(topic, i % partitions, null, line.getBytes(UTF_8)));
            levels.merge(level, 1L, Long::sum);
        }
        broker.produce(records);
        return levels;
    }

    private int groupMembers(String groupId) {
        try {
            return broker.admin().describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get().members().size();
        }
        catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("describing group [" + groupId + "] failed", e);
        }
    }

    private boolean committedAll(String topic, String groupId) {
        Map<TopicPartition, Long> committed = broker.committedOffsets(groupId);
        return broker.endOffsets(topic).entrySet().stream()
                .allMatch(end -> end.getValue().equals(committed.get(end.getKey())));
    }

    /** Per-level counts summed over every batch the memory sink kept. */
    private static Map<String, Long> counts(String stream) {
        Map<String, Long> counts = new TreeMap<>();
        MemoryStreams.records(stream).forEach(record -> counts.merge(record.getString("level"), record.getLong("count"), Long::sum));
        return counts;
    }

    private static long total(String stream) {
        return counts(stream).values().stream().mapToLong(Long::longValue).sum();
    }

    private static void merge(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((level, count) -> into.merge(level, count, Long::sum));
    }

    private static void deleteRecursively(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
