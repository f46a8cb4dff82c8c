package io.sluice.api.option;

import static java.util.Objects.requireNonNull;

/**
 * A raw number from the pipeline file whose text, as written, differs from how Java prints its
 * value: {@code 0042}, {@code 1e3}, {@code 1.50}, {@code 1234e567} (too large for a double).
 * HOCON reads such unquoted values as numbers; keeping the text lets a string option receive
 * exactly what the user wrote, while number, duration and boolean options read the {@link #value()}
 * as they would any number. Numbers written the way Java prints them ({@code 42}, {@code 1.5})
 * stay plain {@link Integer}, {@link Long} or {@link Double} raw values.
 *
 * <p>{@link #toString()} is the written text, so code that turns raw values into text with
 * {@code String.valueOf} (pass-through settings, client properties) gets it too.
 */
public final class WrittenNumber extends Number {
    private static final long serialVersionUID = 1L;

    private final Number value;
    private final String text;

    private WrittenNumber(Number value, String text) {
        this.value = requireNonNull(value, "value is null");
        this.text = requireNonNull(text, "text is null");
    }

    /**
     * A number and the text it was written as.
     *
     * @param value the number as parsed: an {@link Integer}, {@link Long} or {@link Double}
     * @param text the number as written
     */
    public static WrittenNumber of(Number value, String text) {
        if (value instanceof WrittenNumber) {
            throw new IllegalArgumentException("value is already a WrittenNumber: " + value);
        }
        return new WrittenNumber(value, text);
    }

    /** The number as parsed. */
    public Number value() {
        return value;
    }

    /** The number as written in the pipeline file. */
    public String text() {
        return text;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrittenNumber that && value.equals(that.value) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * value.hashCode() + text.hashCode();
    }

    /** The number as written. */
    @Override
    public String toString() {
        return text;
    }
}
