package io.sluice.core.config;

/** What a pipeline does with a record that a step cannot handle ({@code errors.tolerance}). */
public enum ErrorTolerance {
    /** Stop the pipeline with a message naming the record's origin and the failing step. */
    NONE,
    /** Send the record, its origin, the failing step and the error to the dead-letter sink, and go on. */
    ALL
}
