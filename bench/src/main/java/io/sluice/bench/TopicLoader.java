package io.sluice.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Fills the benchmark topic with {@link LogLines}, dealt round-robin over its partitions. */
final class TopicLoader {
    private TopicLoader() {
    }

    /** What the topic holds after {@link #fill}: the levels of lines 0..n-1. */
    static LevelCounts expectedCounts(long lines) {
        LevelCounts counts = new LevelCounts();
        for (long i = 0; i < lines; i++) {
            counts.add(LogLines.levelOf(LogLines.line(i)), 1);
        }
        return counts;
    }

    static void fill(String bootstrapServers, String topic, int partitions, long lines) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < lines && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, LogLines.line(i).getBytes(UTF_8)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling topic [" + topic + "] failed", failure.get());
        }
    }
}
