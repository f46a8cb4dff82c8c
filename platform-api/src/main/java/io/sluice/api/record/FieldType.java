package io.sluice.api.record;

import java.time.Instant;

/**
 * The types a {@link Record} field may hold, and the Java class that represents each.
 * {@code null} is allowed for every type and means "absent".
 */
public enum FieldType {
    STRING(String.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    TIMESTAMP(Instant.class),
    BYTES(byte[].class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class values of this type are represented by. */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Returns the field type of a value.
     *
     * @throws IllegalArgumentException if the value is not of one of the supported classes
     *     (ints and floats are accepted by {@link Record.Builder#field} and widened before this)
     */
    public static FieldType of(Object value) {
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Instant) {
            return TIMESTAMP;
        }
        if (value instanceof byte[]) {
            return BYTES;
        }
        throw new IllegalArgumentException("Unsupported field value class ["
                + (value == null ? "null" : value.getClass().getName())
                + "]; use String, Long, Double, Boolean, Instant or byte[]");
    }
}
