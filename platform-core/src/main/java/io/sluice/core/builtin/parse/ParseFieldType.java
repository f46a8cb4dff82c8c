package io.sluice.core.builtin.parse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The types option {@code types} can convert a parsed value to. Conversions are strict: a value
 * that does not read exactly as the type fails rather than being rounded or defaulted, so bad
 * data reaches the dead-letter sink instead of a wrong value reaching a sink.
 */
public enum ParseFieldType {
    STRING {
        @Override
        Object convert(Object value) {
            return value instanceof String ? value : String.valueOf(value);
        }
    },
    LONG {
        @Override
        Object convert(Object value) {
            if (value instanceof Long) {
                return value;
            }
            if (value instanceof Double number) {
                // Whole doubles only: 2.0 is 2, 2.5 is an error rather than a silent truncation.
                double whole = number;
                if (whole == Math.rint(whole) && whole >= Long.MIN_VALUE && whole <= Long.MAX_VALUE) {
                    return (long) whole;
                }
                throw new IllegalArgumentException("not a whole number");
            }
            if (value instanceof Instant instant) {
                return instant.toEpochMilli();
            }
            if (value instanceof String text) {
                return Long.parseLong(text);
            }
            throw new IllegalArgumentException("not a number");
        }
    },
    DOUBLE {
        @Override
        Object convert(Object value) {
            if (value instanceof Double) {
                return value;
            }
            if (value instanceof Long number) {
                return number.doubleValue();
            }
            if (value instanceof String text) {
                // Double.parseDouble also takes Java literal suffixes ("1.5d", "2f"); data never means those.
                char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
                if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                    throw new IllegalArgumentException("not a number");
                }
                return Double.parseDouble(text);
            }
            throw new IllegalArgumentException("not a number");
        }
    },
    BOOLEAN {
        @Override
        Object convert(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof String text) {
                if (text.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (text.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
            }
            throw new IllegalArgumentException("not true or false");
        }
    },
    TIMESTAMP {
        @Override
        Object convert(Object value) {
            if (value instanceof Instant) {
                return value;
            }
            if (value instanceof Long millis) {
                return Instant.ofEpochMilli(millis);
            }
            if (value instanceof String text) {
                if (isWholeNumber(text)) {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                }
                try {
                    return Instant.parse(text);
                }
                catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not an ISO-8601 instant or epoch milliseconds", e);
                }
            }
            throw new IllegalArgumentException("not an ISO-8601 instant or epoch milliseconds");
        }
    };

    /**
     * Converts a parsed value (a string, or a typed JSON scalar) to this type.
     *
     * @param value a non-null parsed value
     * @throws IllegalArgumentException (including {@link NumberFormatException}) if it does not convert
     */
    abstract Object convert(Object value);

    /** The name users write in option {@code types}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean isWholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
