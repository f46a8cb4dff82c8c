package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;

/**
 * Sends one partition of one batch to Kafka on the executor's shared producer and, on commit,
 * flushes and fails if any send failed, so the runtime retries the batch. Used by one task thread.
 */
final class KafkaPartitionWriter implements PartitionWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaSinkOptions options;
    private final Map<String, Object> config;
    private final Producer<byte[], byte[]> producer;
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    KafkaPartitionWriter(KafkaSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.config = options.producerConfig();
        this.producer = KafkaProducers.get(config);
    }

    @Override
    public void write(Record record) throws IOException {
        Exception failed = firstError.get();
        if (failed != null) {
            throw new IOException("sending to Kafka failed: " + failed.getMessage(), failed);
        }
        String topic = options.topic().orElseGet(() -> record.getString(options.topicField().get()));
        if (topic == null || topic.isEmpty()) {
            throw new RecordException("field [" + options.topicField().orElse("") + "] naming the topic is missing or empty");
        }
        byte[] key = options.keyField().map(field -> bytes(record.get(field)))
                .orElseGet(() -> record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8));
        byte[] value = options.valueField().isPresent() ? bytes(record.get(options.valueField().get())) : json(record);
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                firstError.compareAndSet(null, error);
            }
        });
    }

    @Override
    public Serializable commit() throws IOException {
        // flush() returns once every record sent before it completed, this writer's included.
        producer.flush();
        Exception failed = firstError.get();
        if (failed != null) {
            KafkaProducers.discard(config, producer);
            throw new IOException("sending to Kafka failed: " + failed.getMessage(), failed);
        }
        return null;
    }

    @Override
    public void abort() {
        // Sent records cannot be taken back; the batch's replay appends them again (delivery APPEND).
        if (firstError.get() != null) {
            KafkaProducers.discard(config, producer);
        }
    }

    @Override
    public void close() {
        // The producer is shared by the executor's tasks and closed when the JVM shuts down.
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return (value instanceof Instant instant ? instant.toString() : String.valueOf(value)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Record record) throws RecordException {
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i < record.fieldCount(); i++) {
            Object value = record.fieldValue(i);
            // Jackson writes byte[] as base64; timestamps go as ISO-8601 text.
            document.put(record.fieldName(i), value instanceof Instant instant ? instant.toString() : value);
        }
        try {
            return JSON.writeValueAsBytes(document);
        }
        catch (JsonProcessingException e) {
            throw new RecordException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
