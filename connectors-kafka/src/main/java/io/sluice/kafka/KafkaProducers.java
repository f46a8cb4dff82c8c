package io.sluice.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka producers of one executor JVM, one per distinct configuration, created on first use
 * and closed when the JVM shuts down. Producers are thread-safe, so every task of the executor
 * writing to the same cluster with the same settings shares one. Thread-safe.
 */
final class KafkaProducers {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaProducers.class);
    private static final Map<Map<String, Object>, Producer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaProducers::closeAll, "sluice-kafka-producers-close"));
    }

    private KafkaProducers() {}

    /** The shared producer for {@code config}, created if needed. */
    static Producer<byte[], byte[]> get(Map<String, Object> config) {
        return PRODUCERS.computeIfAbsent(Map.copyOf(config), KafkaProducer::new);
    }

    /**
     * Closes and forgets a producer that failed: after some errors (fenced, out-of-order sequence)
     * an idempotent producer cannot go on, and the retried batch should get a fresh one.
     */
    static void discard(Map<String, Object> config, Producer<byte[], byte[]> failed) {
        if (PRODUCERS.remove(Map.copyOf(config), failed)) {
            close(failed);
        }
    }

    private static void closeAll() {
        List<Producer<byte[], byte[]>> all = new ArrayList<>(PRODUCERS.values());
        PRODUCERS.clear();
        all.forEach(KafkaProducers::close);
    }

    private static void close(Producer<byte[], byte[]> producer) {
        try {
            producer.close(Duration.ofSeconds(10));
        }
        catch (RuntimeException e) {
            LOG.warn("Closing a Kafka producer failed: {}", e.toString());
        }
    }
}
