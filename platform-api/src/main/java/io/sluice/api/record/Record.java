package io.sluice.api.record;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unit of data every stage of a pipeline passes on: an optional key, the raw payload
 * bytes as read, an ordered set of typed fields, an event time and the record's {@link Origin}.
 *
 * <p>Records are immutable and serializable; stages derive new records with {@link #toBuilder()}.
 * Field order is the order fields were added and is kept through serialization, so sinks
 * that write columns write them in a stable order. Field values are of the classes listed in
 * {@link FieldType}; {@code null} values are kept as absent fields' markers.
 *
 * <p>Fields are held in two parallel arrays rather than a map: records are small and many, and
 * a linear scan over a handful of names beats hashing on the per-record path.
 */
public final class Record implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final String[] NO_NAMES = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    private final String key;
    private final byte[] payload;
    // The first size entries are the fields; a builder hands its arrays over with any room left.
    private final String[] names;
    private final Object[] values;
    private final long eventTime;
    private final Origin origin;

    private final int size;

    private Record(String key, byte[] payload, String[] names, Object[] values, int size, long eventTime, Origin origin) {
        this.key = key;
        this.payload = payload;
        this.names = names;
        this.values = values;
        this.size = size;
        this.eventTime = eventTime;
        this.origin = origin;
    }

    /** Starts a record with no key, payload, fields or origin and an unknown event time. */
    public static Builder builder() {
        return new Builder(8);
    }

    /**
     * Like {@link #builder()}, sized for {@code expectedFields} fields: on a per-record path that
     * knows how many fields it sets, the record then takes the builder's arrays as they are.
     */
    public static Builder builder(int expectedFields) {
        if (expectedFields < 0) {
            throw new IllegalArgumentException("expectedFields is negative: " + expectedFields);
        }
        return new Builder(expectedFields);
    }

    /** A record whose payload is the UTF-8 bytes of {@code line}; the usual start for text sources. */
    public static Record ofText(String line, Origin origin) {
        return builder().payload(line.getBytes(StandardCharsets.UTF_8)).origin(origin).build();
    }

    /** Starts a builder holding everything this record holds. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The record's key, or {@code null}. */
    public String key() {
        return key;
    }

    /**
     * The raw payload as read from the source, or {@code null}. The array is shared, not copied:
     * callers must not modify it.
     */
    public byte[] payload() {
        return payload;
    }

    /** The payload decoded as UTF-8 (malformed input replaced), or {@code null} without a payload. */
    public String payloadAsString() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** The event time in epoch milliseconds, or {@code -1} when unknown. */
    public long eventTime() {
        return eventTime;
    }

    /** Where the record was read, or {@code null} for records made by a transform from several inputs. */
    public Origin origin() {
        return origin;
    }

    /** Number of fields. */
    public int fieldCount() {
        return size;
    }

    /** Name of the field at {@code index}, in insertion order. */
    public String fieldName(int index) {
        return names[Objects.checkIndex(index, size)];
    }

    /** Value of the field at {@code index}, in insertion order. */
    public Object fieldValue(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    /** Whether a field of that name is present (its value may still be {@code null}). */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of a field, or {@code null} when absent. */
    public Object get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    /** The field as a string: strings as they are, other values by {@link String#valueOf}, absent as null. */
    public String getString(String name) {
        Object value = get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    /**
     * The field as a long: longs as they are, doubles truncated, strings parsed, timestamps as epoch millis.
     *
     * @throws IllegalArgumentException if the value cannot be read as a number
     */
    public Long getLong(String name) {
        Object value = get(name);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("Field [" + name + "] is not a whole number", e);
            }
        }
        throw new IllegalArgumentException("Field [" + name + "] of type [" + FieldType.of(value) + "] is not a number");
    }

    /**
     * The field as a double: numbers widened, strings parsed.
     *
     * @throws IllegalArgumentException if the value cannot be read as a number
     */
    public Double getDouble(String name) {
        Object value = get(name);
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("Field [" + name + "] is not a number", e);
            }
        }
        throw new IllegalArgumentException("Field [" + name + "] of type [" + FieldType.of(value) + "] is not a number");
    }

    /** The fields as an unmodifiable map in field order. Allocates; prefer {@link #get} on hot paths. */
    public Map<String, Object> fields() {
        Map<String, Object> map = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The field names in order. */
    public List<String> fieldNames() {
        return List.of(Arrays.copyOf(names, size));
    }

    private int indexOf(String name) {
        return indexOf(names, size, name);
    }

    /**
     * Field lookup, the inner loop of every record step: names are few, and usually the very
     * string constants a step was written with, so compare references, then cached hash codes,
     * and only then characters.
     */
    private static int indexOf(String[] names, int size, String name) {
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            String candidate = names[i];
            if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Record that)) {
            return false;
        }
        if (eventTime != that.eventTime || !Objects.equals(key, that.key) || !Arrays.equals(payload, that.payload)
                || !Objects.equals(origin, that.origin) || !Arrays.equals(names, 0, size, that.names, 0, that.size)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!Objects.deepEquals(values[i], that.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(key, eventTime, origin);
        result = 31 * result + Arrays.hashCode(payload);
        for (int i = 0; i < size; i++) {
            result = 31 * result + names[i].hashCode();
        }
        for (int i = 0; i < size; i++) {
            Object value = values[i];
            result = 31 * result + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value));
        }
        return result;
    }

    /** Shows fields and origin; the payload only by its length, since it may be large or binary. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Record{");
        if (key != null) {
            text.append("key=").append(key).append(", ");
        }
        text.append('{');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object value = values[i];
            text.append(names[i]).append('=').append(value instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : value);
        }
        text.append('}');
        if (payload != null) {
            text.append(", payload=<").append(payload.length).append(" bytes>");
        }
        if (eventTime >= 0) {
            text.append(", eventTime=").append(Instant.ofEpochMilli(eventTime));
        }
        if (origin != null) {
            text.append(", origin=").append(origin);
        }
        return text.append('}').toString();
    }

    /**
     * Builds a {@link Record}. Not thread-safe; a builder may be reused after {@link #build()},
     * which copies what it holds.
     */
    public static final class Builder {
        private String key;
        private byte[] payload;
        // Arrays rather than lists: a builder per record per step is the hot path of every pipeline.
        private String[] names;
        private Object[] values;
        private int size;
        // Set once build() handed the arrays to a record: the next change works on copies.
        private boolean built;
        private long eventTime = -1;
        private Origin origin;

        private Builder(int capacity) {
            this.names = capacity == 0 ? NO_NAMES : new String[capacity];
            this.values = capacity == 0 ? NO_VALUES : new Object[capacity];
        }

        private Builder(Record record) {
            this.key = record.key;
            this.payload = record.payload;
            int capacity = record.size + 4;
            this.names = Arrays.copyOf(record.names, capacity);
            this.values = Arrays.copyOf(record.values, capacity);
            this.size = record.size;
            this.eventTime = record.eventTime;
            this.origin = record.origin;
        }

        private void copyIfBuilt(int capacity) {
            if (built || capacity > names.length) {
                names = Arrays.copyOf(names, capacity);
                values = Arrays.copyOf(values, capacity);
                built = false;
            }
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** Sets the raw payload; the array is kept, not copied. */
        public Builder payload(byte[] payload) {
            this.payload = payload;
            return this;
        }

        /** Sets the event time in epoch milliseconds; {@code -1} means unknown. */
        public Builder eventTime(long eventTime) {
            this.eventTime = eventTime;
            return this;
        }

        public Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets a field, replacing a field of the same name in place or appending a new one.
         * Integers, shorts and bytes are widened to {@code Long}, floats to {@code Double}.
         *
         * @throws IllegalArgumentException if the value is of an unsupported class
         */
        public Builder field(String name, Object value) {
            requireNonNull(name, "name is null");
            Object normalized = normalize(value);
            int index = indexOf(name);
            if (index >= 0) {
                copyIfBuilt(names.length);
                values[index] = normalized;
            }
            else {
                copyIfBuilt(size == names.length ? Math.max(4, size * 2) : names.length);
                names[size] = name;
                values[size] = normalized;
                size++;
            }
            return this;
        }

        /** Removes a field if present. */
        public Builder remove(String name) {
            int index = indexOf(name);
            if (index >= 0) {
                copyIfBuilt(names.length);
                System.arraycopy(names, index + 1, names, index, size - index - 1);
                System.arraycopy(values, index + 1, values, index, size - index - 1);
                size--;
                names[size] = null;
                values[size] = null;
            }
            return this;
        }

        /** Removes every field, keeping key, payload, event time and origin. */
        public Builder clearFields() {
            copyIfBuilt(names.length);
            Arrays.fill(names, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
            return this;
        }

        /** The record; the builder stays usable, and later changes do not reach this record. */
        public Record build() {
            if (size == 0) {
                return new Record(key, payload, NO_NAMES, NO_VALUES, 0, eventTime, origin);
            }
            // The record takes the arrays as they are, room and all: one copy less per record and step.
            built = true;
            return new Record(key, payload, names, values, size, eventTime, origin);
        }

        private int indexOf(String name) {
            return Record.indexOf(names, size, name);
        }

        private static Object normalize(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            FieldType.of(value);
            return value;
        }
    }
}
