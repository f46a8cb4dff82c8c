package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * Decodes the {@code key} and {@code value} fields {@link KafkaRecordConverter} left as bytes,
 * per the source's {@code key-format} and {@code value-format}. Runs as the first step of the
 * fused pass ({@link io.sluice.api.source.Source#decoder()}), so a key or value that is not valid
 * UTF-8 or JSON becomes a dead letter carrying its topic-partition and offset. Stateless; the
 * JSON mapper is thread-safe.
 *
 * <p>{@code json} values must be JSON objects: each member becomes a field (strings, longs,
 * doubles, booleans, null; nested objects and arrays as their JSON text) in place of {@code value},
 * replacing a metadata field of the same name. A null value (a tombstone) stays a null field.
 *
 * <p>Pruned for readers that never read field {@code value} ({@link #pruneOutput}), a
 * {@code string} value is left as bytes, undecoded: checking text nobody reads would only cost.
 */
final class KafkaDecoder implements RecordFunction {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char REPLACEMENT = '\uFFFD';

    private final KafkaFormat keyFormat;
    private final KafkaFormat valueFormat;
    private final boolean decodesValue;

    KafkaDecoder(KafkaFormat keyFormat, KafkaFormat valueFormat) {
        this(keyFormat, valueFormat, valueFormat != KafkaFormat.BYTES);
    }

    private KafkaDecoder(KafkaFormat keyFormat, KafkaFormat valueFormat, boolean decodesValue) {
        this.keyFormat = requireNonNull(keyFormat, "keyFormat is null");
        this.valueFormat = requireNonNull(valueFormat, "valueFormat is null");
        this.decodesValue = decodesValue;
    }

    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return neededOutput.union(FieldSet.of(KafkaRecordConverter.KEY, KafkaRecordConverter.VALUE));
    }

    /** JSON values are always decoded: their members become fields, whose names only the value tells. */
    @Override
    public RecordFunction pruneOutput(FieldSet neededOutput) {
        boolean decodes = valueFormat == KafkaFormat.JSON || (valueFormat == KafkaFormat.STRING && neededOutput.contains(KafkaRecordConverter.VALUE));
        return decodes == decodesValue ? this : new KafkaDecoder(keyFormat, valueFormat, decodes);
    }

    /** Whether there is anything to decode: bytes stay bytes. */
    boolean decodes() {
        return keyFormat != KafkaFormat.BYTES || valueFormat != KafkaFormat.BYTES;
    }

    @Override
    public void apply(Record record, Consumer<Record> out) throws RecordException {
        Object rawKey = record.get(KafkaRecordConverter.KEY);
        boolean decodesKey = rawKey instanceof byte[] && keyFormat != KafkaFormat.BYTES;
        if (!decodesKey && !decodesValue) {
            out.accept(record);
            return;
        }
        Record.Builder decoded = record.toBuilder();
        if (rawKey instanceof byte[] key && keyFormat != KafkaFormat.BYTES) {
            String text = utf8(key, "key");
            if (keyFormat == KafkaFormat.JSON) {
                parse(text, "key");
            }
            decoded.key(text).field(KafkaRecordConverter.KEY, text);
        }
        Object rawValue = decodesValue ? record.get(KafkaRecordConverter.VALUE) : null;
        if (rawValue instanceof byte[] value) {
            switch (valueFormat) {
                case STRING -> decoded.field(KafkaRecordConverter.VALUE, utf8(value, "value"));
                case JSON -> {
                    JsonNode document = parse(utf8(value, "value"), "value");
                    if (!document.isObject()) {
                        throw new RecordException("value is JSON but not an object (it is " + document.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
                    }
                    decoded.remove(KafkaRecordConverter.VALUE);
                    for (Iterator<Map.Entry<String, JsonNode>> members = document.fields(); members.hasNext(); ) {
                        Map.Entry<String, JsonNode> member = members.next();
                        decoded.field(member.getKey(), fieldValue(member.getValue()));
                    }
                }
                case BYTES -> {
                }
            }
        }
        out.accept(decoded.build());
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
