package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * Completes the records {@link KafkaRecordConverter} made: decodes {@code key} and {@code value}
 * from bytes per the source's {@code key-format} and {@code value-format}, and adds the metadata
 * fields {@code topic}, {@code partition}, {@code offset} and {@code timestamp} from the origin
 * and event time. Runs as the first step of the fused pass ({@link io.sluice.api.source.Source#decoder()}),
 * so a key or value that is not valid UTF-8 or JSON becomes a dead letter carrying its
 * topic-partition and offset. Fields come out in the order key, value, topic, partition, offset,
 * timestamp, headers. Stateless but for per-task caches; the JSON mapper is thread-safe.
 *
 * <p>{@code json} values must be JSON objects: each member becomes a field (strings, longs,
 * doubles, booleans, null; nested objects and arrays as their JSON text) in place of {@code value},
 * replacing a metadata field of the same name. A null value (a tombstone) stays a null field.
 *
 * <p>Pruned for readers of only some fields ({@link #pruneOutput}), it adds only the metadata
 * fields they read, and leaves a {@code string} value nobody reads as bytes, undecoded: checking
 * text nobody reads would only cost.
 */
final class KafkaDecoder implements RecordFunction {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char REPLACEMENT = '\uFFFD';

    static final String TOPIC = "topic";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String TIMESTAMP = "timestamp";
    private static final int FIELD_COUNT = 7;

    private final KafkaFormat keyFormat;
    private final KafkaFormat valueFormat;
    private final boolean decodesValue;
    // Which metadata fields nobody reads: false, the default, adds the field, so a decoder
    // restored from a checkpoint written before these existed adds all of them, as it did then.
    private final boolean omitsTopic;
    private final boolean omitsPartition;
    private final boolean omitsOffset;
    private final boolean omitsTimestamp;
    // The topic-partition of the last record's origin, and the last timestamp: a task reads one
    // topic-partition, and a producer's batch shares one timestamp. Racy by design: a miss only
    // builds them again.
    private transient TopicPartitionName lastPartition;
    private transient Instant lastTimestamp;

    private record TopicPartitionName(String name, String topic, Long partition) {
    }

    KafkaDecoder(KafkaFormat keyFormat, KafkaFormat valueFormat) {
        this(keyFormat, valueFormat, valueFormat != KafkaFormat.BYTES, FieldSet.all());
    }

    private KafkaDecoder(KafkaFormat keyFormat, KafkaFormat valueFormat, boolean decodesValue, FieldSet read) {
        this.keyFormat = requireNonNull(keyFormat, "keyFormat is null");
        this.valueFormat = requireNonNull(valueFormat, "valueFormat is null");
        this.decodesValue = decodesValue;
        this.omitsTopic = !read.contains(TOPIC);
        this.omitsPartition = !read.contains(PARTITION);
        this.omitsOffset = !read.contains(OFFSET);
        this.omitsTimestamp = !read.contains(TIMESTAMP);
    }

    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return neededOutput.union(FieldSet.of(KafkaRecordConverter.KEY, KafkaRecordConverter.VALUE));
    }

    /** JSON values are always decoded: their members become fields, whose names only the value tells. */
    @Override
    public RecordFunction pruneOutput(FieldSet neededOutput) {
        boolean decodes = valueFormat == KafkaFormat.JSON || (valueFormat == KafkaFormat.STRING && neededOutput.contains(KafkaRecordConverter.VALUE));
        return new KafkaDecoder(keyFormat, valueFormat, decodes, neededOutput);
    }

    @Override
    public void apply(Record record, Consumer<Record> out) throws RecordException {
        Object rawKey = record.get(KafkaRecordConverter.KEY);
        boolean decodesKey = rawKey instanceof byte[] && keyFormat != KafkaFormat.BYTES;
        if (!decodesKey && !decodesValue && omitsTopic && omitsPartition && omitsOffset && omitsTimestamp) {
            out.accept(record);
            return;
        }
        Record.Builder decoded = Record.builder(FIELD_COUNT)
                .key(record.key())
                .payload(record.payload())
                .eventTime(record.eventTime())
                .origin(record.origin());
        if (decodesKey) {
            String text = utf8((byte[]) rawKey, "key");
            if (keyFormat == KafkaFormat.JSON) {
                parse(text, "key");
            }
            decoded.key(text).field(KafkaRecordConverter.KEY, text);
        }
        else {
            decoded.field(KafkaRecordConverter.KEY, rawKey);
        }
        Object rawValue = record.get(KafkaRecordConverter.VALUE);
        JsonNode document = null;
        if (decodesValue && rawValue instanceof byte[] value) {
            switch (valueFormat) {
                case STRING -> decoded.field(KafkaRecordConverter.VALUE, utf8(value, "value"));
                case JSON -> document = parseObject(utf8(value, "value"));
                case BYTES -> decoded.field(KafkaRecordConverter.VALUE, value);
            }
        }
        else {
            decoded.field(KafkaRecordConverter.VALUE, rawValue);
        }
        addMetadata(record, decoded);
        decoded.field(KafkaRecordConverter.HEADERS, record.get(KafkaRecordConverter.HEADERS));
        if (document != null) {
            for (Iterator<Map.Entry<String, JsonNode>> members = document.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                decoded.field(member.getKey(), fieldValue(member.getValue()));
            }
        }
        out.accept(decoded.build());
    }

    private void addMetadata(Record record, Record.Builder decoded) {
        Origin origin = record.origin();
        if (!omitsTopic || !omitsPartition) {
            TopicPartitionName partition = topicPartition(origin.partition());
            if (!omitsTopic) {
                decoded.field(TOPIC, partition.topic());
            }
            if (!omitsPartition) {
                decoded.field(PARTITION, partition.partition());
            }
        }
        if (!omitsOffset) {
            decoded.field(OFFSET, origin.offset());
        }
        if (!omitsTimestamp) {
            decoded.field(TIMESTAMP, record.eventTime() < 0 ? null : instant(record.eventTime()));
        }
    }

    /** The topic and partition of an origin's {@code topic-partition} name, as the converter wrote it. */
    private TopicPartitionName topicPartition(String name) {
        TopicPartitionName last = lastPartition;
        if (last == null || !last.name().equals(name)) {
            int dash = name.lastIndexOf('-');
            last = new TopicPartitionName(name, name.substring(0, dash), Long.valueOf(name.substring(dash + 1)));
            lastPartition = last;
        }
        return last;
    }

    private Instant instant(long timestamp) {
        Instant last = lastTimestamp;
        if (last == null || last.toEpochMilli() != timestamp) {
            last = Instant.ofEpochMilli(timestamp);
            lastTimestamp = last;
        }
        return last;
    }

    private static JsonNode parseObject(String text) throws RecordException {
        JsonNode document = parse(text, "value");
        if (!document.isObject()) {
            throw new RecordException("value is JSON but not an object (it is " + document.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        return document;
    }

    private static String utf8(byte[] bytes, String what) throws RecordException {
        // Most values are ASCII: the JDK's ASCII decoding is a vectorized copy, and it marks any
        // non-ASCII byte with U+FFFD, which then sends the value to the strict decoder below.
        String ascii = new String(bytes, StandardCharsets.US_ASCII);
        if (ascii.indexOf(REPLACEMENT) < 0) {
            return ascii;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new RecordException(what + " is not valid UTF-8", e);
        }
    }

    private static JsonNode parse(String text, String what) throws RecordException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RecordException(what + " is not valid JSON: it is empty");
            }
            return node;
        }
        catch (JsonProcessingException e) {
            // Jackson's message quotes the offending input; say only where it went wrong.
            JsonLocation location = e.getLocation();
            throw new RecordException(what + " is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
    }

    private static Object fieldValue(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }
}
