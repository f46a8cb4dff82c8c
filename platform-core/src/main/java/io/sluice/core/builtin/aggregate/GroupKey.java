package io.sluice.core.builtin.aggregate;

import java.io.Serializable;
import java.util.Arrays;

/** The values of a record's key fields, compared by value; a shuffle and state key. */
public final class GroupKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final int hash;

    public GroupKey(Object[] values) {
        this(true, values);
    }

    private GroupKey(boolean copy, Object[] values) {
        this.values = copy ? values.clone() : values;
        this.hash = Arrays.deepHashCode(this.values);
    }

    /** A key over {@code values} itself, which the caller hands over and no longer changes. */
    static GroupKey wrap(Object[] values) {
        return new GroupKey(false, values);
    }

    public Object value(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    /**
     * A stable text form for external state stores: each value's type letter and text, with the
     * separator escaped, so distinct keys never encode alike.
     */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('|');
            }
            Object value = values[i];
            if (value == null) {
                text.append('n');
                continue;
            }
            text.append(value instanceof String ? 's' : value instanceof Long ? 'l' : value instanceof Double ? 'd'
                    : value instanceof Boolean ? 'b' : 'o');
            text.append(String.valueOf(value).replace("\\", "\\\\").replace("|", "\\|"));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupKey that && hash == that.hash && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
