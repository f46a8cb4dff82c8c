package io.sluice.core.builtin.select;

/** What {@code select} does with a listed field that a record lacks, as written in option {@code missing}. */
public enum SelectMissingPolicy {
    /** Output the field with a null value, so every record has the same fields. */
    NULL,
    /** Fail the record (dead-letter it or stop, per {@code errors.tolerance}). */
    ERROR
}
