package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;

/**
 * Receives the values a {@link FieldParser} reads from one record, converts those named in option
 * {@code types} and sets them on the output record. Created per record and used by one thread;
 * it also remembers the event-time field's value, since the builder cannot be read back.
 */
final class ParsedFieldWriter {
    // Longer values are not quoted in messages: they would copy record contents into logs.
    private static final int MAX_QUOTED_VALUE_LENGTH = 32;

    private final Record.Builder builder;
    private final Map<String, ParseFieldType> types;
    private final String eventTimeField;
    private final FieldSet produced;
    private final boolean[] producedColumns;
    private Object eventTimeValue;

    /**
     * @param produced the parsed fields to set; the others are read past
     * @param producedColumns per name of the parser's {@link FieldParser#fixedFieldNames()}, whether it is in {@code produced}
     */
    ParsedFieldWriter(Record.Builder builder, Map<String, ParseFieldType> types, String eventTimeField, FieldSet produced,
            boolean[] producedColumns) {
        this.builder = requireNonNull(builder, "builder is null");
        this.types = requireNonNull(types, "types is null");
        this.eventTimeField = eventTimeField;
        this.produced = requireNonNull(produced, "produced is null");
        this.producedColumns = requireNonNull(producedColumns, "producedColumns is null");
    }

    /**
     * Whether the parser's fixed field {@code column} ({@link FieldParser#fixedFieldNames()}) is set
     * at all; a parser may skip building values that are not.
     */
    boolean wantsColumn(int column) {
        return producedColumns[column];
    }

    /** {@link #put(String, Object)} for the parser's fixed field {@code column}, named {@code name}. */
    void putColumn(int column, String name, Object value) {
        if (producedColumns[column]) {
            set(name, value);
        }
    }

    /**
     * Sets a parsed field, converting it when option {@code types} names it; a later value of the
     * same name replaces an earlier one.
     *
     * @throws RecordException if the value does not convert to its declared type
     */
    void put(String name, Object value) {
        if (produced.contains(name)) {
            set(name, value);
        }
    }

    private void set(String name, Object value) {
        Object converted = value;
        // Most parses convert nothing: no hash lookup per value then.
        ParseFieldType type = types.isEmpty() ? null : types.get(name);
        if (type != null && value != null) {
            try {
                converted = type.convert(value);
            }
            catch (IllegalArgumentException e) {
                // No cause: NumberFormatException and DateTimeParseException quote the whole value.
                throw new RecordException("field [" + name + "] cannot be converted to [" + type.displayName() + "]: "
                        + describe(value));
            }
        }
        if (name.equals(eventTimeField)) {
            eventTimeValue = converted;
        }
        builder.field(name, converted);
    }

    /**
     * The event time read from the event-time field, in epoch milliseconds.
     *
     * @throws RecordException if the field was not parsed, is null or is not a timestamp
     */
    long eventTime() {
        if (eventTimeValue == null) {
            throw new RecordException("event-time field [" + eventTimeField + "] is missing or null");
        }
        try {
            return ((Instant) ParseFieldType.TIMESTAMP.convert(eventTimeValue)).toEpochMilli();
        }
        catch (IllegalArgumentException e) {
            throw new RecordException("event-time field [" + eventTimeField + "] is not a timestamp: "
                    + describe(eventTimeValue));
        }
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_QUOTED_VALUE_LENGTH
                ? "value [" + text + "]"
                : "value of [" + text.length() + "] characters";
    }
}
