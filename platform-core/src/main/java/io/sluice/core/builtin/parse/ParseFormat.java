package io.sluice.core.builtin.parse;

/** The text formats the {@code parse} transform reads, as written in option {@code format}. */
public enum ParseFormat {
    /** RFC 4180 delimited values; column names come from option {@code fields}. */
    CSV,
    /** One JSON object; its top-level keys become fields. */
    JSON,
    /** A regular expression whose named groups become fields. */
    REGEX,
    /** {@code key=value} pairs, values optionally double-quoted. */
    KV
}
