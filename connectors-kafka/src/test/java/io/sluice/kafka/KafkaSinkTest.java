package io.sluice.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.kafka.KafkaBroker;
import io.sluice.testkit.memory.MemoryStreams;

/** The {@code kafka} sink against a real broker. */
@Timeout(180)
class KafkaSinkTest {
    private final KafkaBroker broker = KafkaBroker.shared();

    @TempDir
    Path work;

    @Test
    void writesKeyedJsonValuesToTheTopic() throws Exception {
        broker.createTopic("sink-json", 2);
        MemoryStreams.feed("sink-json-in", List.of(
                Record.builder().field("level", "INFO").field("count", 3L).field("at", Instant.parse("2026-11-30T07:00:00Z")).build(),
                Record.builder().field("level", "ERROR").field("count", 1L).field("at", Instant.parse("2026-11-30T07:00:01Z")).build()));
        Path file = TestPipelines.write(work, "sink-json.conf", """
                pipeline { name = sink-json, batch-interval = 500ms, checkpoint = "file:%s/sink-json-cp" }
                sources = [ { type = memory, stream = sink-json-in } ]
                sinks = [ { type = kafka, bootstrap-servers = "%s", topic = sink-json, key-field = level,
                            kafka { linger.ms = 1, client.id = sluice-sink-test } } ]
                """.formatted(work, broker.bootstrapServers()));

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> broker.consumeAll("sink-json").size() >= 2, Duration.ofSeconds(90));

        assertThat(broker.consumeAll("sink-json")).extracting(KafkaSinkTest::keyAndValue).containsExactlyInAnyOrder(
                "INFO -> {\"level\":\"INFO\",\"count\":3,\"at\":\"2026-11-30T07:00:00Z\"}",
                "ERROR -> {\"level\":\"ERROR\",\"count\":1,\"at\":\"2026-11-30T07:00:01Z\"}");
    }

    @Test
    void writesOneFieldToTheTopicNamedByAnother() throws Exception {
        broker.createTopic("sink-routed-a", 1);
        broker.createTopic("sink-routed-b", 1);
        MemoryStreams.feed("sink-routed-in", List.of(
                Record.builder().key("k1").field("target", "sink-routed-a").field("line", "first").build(),
                Record.builder().key("k2").field("target", "sink-routed-b").field("line", "second").build(),
                Record.builder().key("k3").field("target", "sink-routed-a").field("line", "third").build()));
        Path file = TestPipelines.write(work, "sink-routed.conf", """
                pipeline { name = sink-routed, batch-interval = 500ms, checkpoint = "file:%s/sink-routed-cp" }
                sources = [ { type = memory, stream = sink-routed-in, partitions = 1 } ]
                sinks = [ { type = kafka, bootstrap-servers = "%s", topic-field = target, value-field = line } ]
                """.formatted(work, broker.bootstrapServers()));

        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> broker.consumeAll("sink-routed-a").size() + broker.consumeAll("sink-routed-b").size() >= 3, Duration.ofSeconds(90));

        assertThat(broker.consumeAll("sink-routed-a")).extracting(KafkaSinkTest::keyAndValue).containsExactly("k1 -> first", "k3 -> third");
        assertThat(broker.consumeAll("sink-routed-b")).extracting(KafkaSinkTest::keyAndValue).containsExactly("k2 -> second");
    }

    @Test
    void failsTheBatchWhenKafkaRefusesTheRecords() throws Exception {
        MemoryStreams.feed("sink-missing-in", List.of(Record.builder().field("line", "lost?").build()));
        Path file = TestPipelines.write(work, "sink-missing.conf", """
                pipeline { name = sink-missing, batch-interval = 500ms, checkpoint = "file:%s/sink-missing-cp" }
                sources = [ { type = memory, stream = sink-missing-in } ]
                sinks = [ { type = kafka, bootstrap-servers = "%s", topic = no-such-topic, retries = 0,
                            kafka { max.block.ms = 1000 } } ]
                """.formatted(work, broker.bootstrapServers()));

        Throwable failure = TestPipelines.start(TestPipelines.bind(file)).awaitFailure(Duration.ofSeconds(90));

        assertThat(failure).hasMessageContaining("sinks[0] (kafka): writing batch").hasMessageContaining("not present in metadata");
    }

    private static String keyAndValue(ConsumerRecord<byte[], byte[]> record) {
        return (record.key() == null ? "null" : new String(record.key(), UTF_8)) + " -> " + new String(record.value(), UTF_8);
    }
}
