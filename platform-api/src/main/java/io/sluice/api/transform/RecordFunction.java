package io.sluice.api.transform;

import java.io.Serializable;
import java.util.function.Consumer;

import io.sluice.api.record.Record;

/**
 * A per-record step: takes one record and emits zero (filtered out), one or more records.
 * Serialized to executors and called there by one task thread at a time, but one instance may
 * serve several tasks of an executor at once: keep it free of mutable state (or make it
 * thread-safe) and build expensive helpers lazily in transient fields.
 *
 * <p>Throw {@link io.sluice.api.error.RecordException} (or any exception) for a record that cannot
 * be handled: the runtime dead-letters it or stops the pipeline, per {@code errors.tolerance}.
 * Records passed in must not be modified (they are immutable anyway) and may be emitted as they are.
 */
@FunctionalInterface
public interface RecordFunction extends Serializable {
    void apply(Record record, Consumer<Record> out) throws Exception;
}
