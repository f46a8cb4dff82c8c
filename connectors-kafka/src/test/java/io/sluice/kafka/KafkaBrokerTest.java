package io.sluice.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sluice.testkit.kafka.KafkaBroker;

/** The testkit's broker: what every other Kafka test stands on. */
@Timeout(120)
class KafkaBrokerTest {
    @Test
    void producesAndConsumesAcrossPartitions() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("broker-smoke", 2);
        broker.produceStrings("broker-smoke", 0, List.of("a", "b"));
        broker.produceStrings("broker-smoke", 1, List.of("c"));

        List<ConsumerRecord<byte[], byte[]>> records = broker.consumeAll("broker-smoke");

        assertThat(records).extracting(record -> record.partition() + ":" + record.offset() + ":" + new String(record.value(), UTF_8))
                .containsExactly("0:0:a", "0:1:b", "1:0:c");
        assertThat(broker.endOffsets("broker-smoke")).hasSize(2);
    }
}
