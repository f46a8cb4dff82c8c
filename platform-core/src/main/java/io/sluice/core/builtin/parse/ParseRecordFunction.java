package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.FieldType;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * The {@code parse} transform's per-record step: decodes the text (strictly: malformed UTF-8 is an
 * error, never replaced), hands it to the format's {@link FieldParser} and emits the record with
 * the parsed fields added after its existing ones (or replacing fields of the same name). Key,
 * origin and, unless option {@code keep-payload} is false, payload are kept.
 *
 * <p>Pruned for its readers ({@link #pruneOutput}), it sets only the parsed fields later steps read,
 * plus those option {@code types} converts and the event-time field, so that a value that does not
 * convert still rejects its record whether or not anything reads it; and it keeps the payload only
 * for readers of it.
 */
final class ParseRecordFunction implements RecordFunction {
    private static final long serialVersionUID = 1L;
    private static final char REPLACEMENT = '\uFFFD';

    private final FieldParser parser;
    private final String from;
    private final HashMap<String, ParseFieldType> types;
    private final String eventTimeField;
    private final boolean keepPayload;
    private final FieldSet produced;
    // Pruned, when later steps read none of the input's fields: the output starts empty instead of as a copy.
    private final boolean dropsInputFields;
    // Per fixed column of the parser, whether it is produced: a name lookup saved per value.
    // Derived, so transient: made again after deserialization (also from checkpoints written
    // before it existed), not on first use: a null check per record that fails once per task
    // made the JIT's compiled code of the record path trap and recompile batch after batch.
    private transient boolean[] producedColumns;
    // CharsetDecoder is neither thread-safe nor serializable, and one function may serve several
    // tasks at once: one decoder per thread, made on the thread's first use.
    private transient ThreadLocal<CharsetDecoder> decoders;

    /**
     * @param from the field holding the text, or {@code null} for the payload
     * @param eventTimeField the field to read the event time from, or {@code null}
     */
    ParseRecordFunction(FieldParser parser, String from, Map<String, ParseFieldType> types, String eventTimeField, boolean keepPayload) {
        this(parser, from, types, eventTimeField, keepPayload, FieldSet.all());
    }

    private ParseRecordFunction(FieldParser parser, String from, Map<String, ParseFieldType> types, String eventTimeField, boolean keepPayload,
            FieldSet produced) {
        this.parser = requireNonNull(parser, "parser is null");
        this.from = from;
        this.types = new HashMap<>(requireNonNull(types, "types is null"));
        this.eventTimeField = eventTimeField;
        this.keepPayload = keepPayload;
        this.produced = requireNonNull(produced, "produced is null");
        List<String> parsed = parser.fixedFieldNames();
        this.dropsInputFields = !produced.isAll() && !parsed.isEmpty() && produced.minus(parsed).names().isEmpty();
        deriveTransientState();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        deriveTransientState();
    }

    private void deriveTransientState() {
        List<String> parsed = parser.fixedFieldNames();
        producedColumns = new boolean[parsed.size()];
        for (int i = 0; i < producedColumns.length; i++) {
            producedColumns[i] = produced.contains(parsed.get(i));
        }
        decoders = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Later steps' fields pass through, and the text comes from field {@code from}, else from the payload. */
    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return from == null ? neededOutput.withPayload() : neededOutput.union(FieldSet.of(from));
    }

    @Override
    public RecordFunction pruneOutput(FieldSet neededOutput) {
        if (neededOutput.isAll()) {
            return this;
        }
        FieldSet keep = neededOutput.union(types.keySet());
        if (eventTimeField != null) {
            keep = keep.union(FieldSet.of(eventTimeField));
        }
        // The payload goes too when no later step reads it, as with option keep-payload = false.
        return new ParseRecordFunction(parser, from, types, eventTimeField, keepPayload && neededOutput.containsPayload(), keep);
    }

    @Override
    public void apply(Record record, Consumer<Record> out) {
        String text = text(record);
        Record.Builder builder = dropsInputFields
                ? Record.builder(produced.names().size()).key(record.key()).payload(record.payload()).eventTime(record.eventTime()).origin(record.origin())
                : record.toBuilder();
        if (!keepPayload) {
            builder.payload(null);
        }
        ParsedFieldWriter writer = new ParsedFieldWriter(builder, types, eventTimeField, produced, producedColumns);
        parser.parse(text, writer);
        if (eventTimeField != null) {
            builder.eventTime(writer.eventTime());
        }
        out.accept(builder.build());
    }

    private String text(Record record) {
        if (from == null) {
            if (record.payload() == null) {
                throw new RecordException("record has no payload to parse");
            }
            return decode(record.payload(), "payload");
        }
        Object value = record.get(from);
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof byte[] bytes) {
            return decode(bytes, "field [" + from + "]");
        }
        if (value == null) {
            throw new RecordException("field [" + from + "] to parse is missing or null");
        }
        throw new RecordException("field [" + from + "] to parse is of type [" + FieldType.of(value).name().toLowerCase(Locale.ROOT)
                + "], expected a string or bytes");
    }

    private String decode(byte[] bytes, String what) {
        // Most log lines are ASCII: the JDK's ASCII decoding is a vectorized copy that skips the
        // decoder and its buffers; it marks any non-ASCII byte with U+FFFD, which sends the text
        // to the strict decoder.
        String ascii = new String(bytes, StandardCharsets.US_ASCII);
        if (ascii.indexOf(REPLACEMENT) < 0) {
            return ascii;
        }
        ByteBuffer input = ByteBuffer.wrap(bytes);
        try {
            return decoders.get().decode(input).toString();
        }
        catch (CharacterCodingException e) {
            // decode() leaves the buffer at the start of the malformed sequence.
            throw new RecordException(what + " is not valid UTF-8: malformed bytes at offset [" + input.position() + "]", e);
        }
    }
}
