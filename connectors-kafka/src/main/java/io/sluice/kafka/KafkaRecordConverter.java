package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.spark.api.java.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;

/**
 * Turns a consumed Kafka record into a Sluice record, on the executors, without decoding: the
 * payload is the value's bytes, the event time is the Kafka timestamp, the origin is
 * {@code (source, topic-partition, offset)}, and the fields are only what the origin and event
 * time cannot tell: {@code key} (bytes), {@code value} (bytes) and {@code headers} (a JSON object
 * of header name to UTF-8 value, the last one winning for repeated names; null without headers).
 * {@link KafkaDecoder}, first in the fused pass, decodes key and value (a failure reaches the
 * dead-letter path) and adds {@code topic}, {@code partition}, {@code offset} and
 * {@code timestamp} where the pipeline reads them: building fields nobody reads, per record, was
 * a third of the source's cost.
 */
final class KafkaRecordConverter implements Function<ConsumerRecord<byte[], byte[]>, Record> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String KEY = "key";
    static final String VALUE = "value";
    static final String HEADERS = "headers";
    private static final int FIELD_COUNT = 3;
    private static final PartitionName NO_PARTITION = new PartitionName("", -1, "");

    private record PartitionName(String topic, int partition, String name) {
    }

    private final String sourceName;
    // True for converters this build makes. False in one restored from a checkpoint written before
    // the decoder added the metadata fields, whose restored graph may have no decoder (bytes
    // formats had none): such a converter adds them itself, as it did then.
    private final boolean metadataFromDecoder;
    // The origin's partition name of the last record: a task reads one topic-partition, so this
    // saves building the same string per record. Racy by design: a miss only builds it again.
    // Set at construction and deserialization rather than left null: a null check per record that
    // fails once per task made the JIT's compiled record path trap and recompile batch after batch.
    private transient PartitionName lastPartition = NO_PARTITION;

    KafkaRecordConverter(String sourceName) {
        this(sourceName, true);
    }

    /** @param metadataFromDecoder false only to stand for a converter restored from an older checkpoint */
    KafkaRecordConverter(String sourceName, boolean metadataFromDecoder) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.metadataFromDecoder = metadataFromDecoder;
    }

    @Override
    public Record call(ConsumerRecord<byte[], byte[]> consumed) throws JsonProcessingException {
        long timestamp = consumed.timestamp();
        Record.Builder record = Record.builder(metadataFromDecoder ? FIELD_COUNT : FIELD_COUNT + 4)
                .payload(consumed.value())
                .field(KEY, consumed.key())
                .field(VALUE, consumed.value());
        if (!metadataFromDecoder) {
            record.field(KafkaDecoder.TOPIC, consumed.topic())
                    .field(KafkaDecoder.PARTITION, (long) consumed.partition())
                    .field(KafkaDecoder.OFFSET, consumed.offset())
                    .field(KafkaDecoder.TIMESTAMP, timestamp < 0 ? null : Instant.ofEpochMilli(timestamp));
        }
        return record.field(HEADERS, headers(consumed))
                .eventTime(timestamp < 0 ? -1 : timestamp)
                .origin(new Origin(sourceName, partitionName(consumed), consumed.offset()))
                .build();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        lastPartition = NO_PARTITION;
    }

    private String partitionName(ConsumerRecord<byte[], byte[]> consumed) {
        PartitionName last = lastPartition;
        if (last.partition() != consumed.partition() || !last.topic().equals(consumed.topic())) {
            last = new PartitionName(consumed.topic(), consumed.partition(), consumed.topic() + "-" + consumed.partition());
            lastPartition = last;
        }
        return last.name();
    }

    private static String headers(ConsumerRecord<byte[], byte[]> consumed) throws JsonProcessingException {
        Header[] headers = consumed.headers().toArray();
        if (headers.length == 0) {
            return null;
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Header header : headers) {
            byName.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return JSON.writeValueAsString(byName);
    }
}
