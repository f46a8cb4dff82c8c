package io.sluice.api.transform;

import java.io.Serializable;
import java.util.function.Consumer;

import io.sluice.api.record.FieldSet;
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
 *
 * <p>Field pruning, optional: before the pipeline runs, the planner walks each fused pass from its
 * end back to its start, asking every step which input fields it reads ({@link #requiredFields})
 * given what later steps read of its output, and runs {@link #pruneOutput} instead of the function
 * itself, so a parser, say, does not build fields nobody reads. Both default to "reads and
 * produces everything", which is always correct.
 */
@FunctionalInterface
public interface RecordFunction extends Serializable {
    void apply(Record record, Consumer<Record> out) throws Exception;

    /**
     * The fields of its input this function reads, or passes on to its output, when later steps
     * read {@code neededOutput} of its output. A function that emits its input's fields unchanged
     * returns at least {@code neededOutput} minus the fields it sets itself. The payload counts as
     * a field ({@link FieldSet#containsPayload()}): a function that reads it, or passes it on while
     * {@code neededOutput} contains it, returns a set with it.
     *
     * @param neededOutput the output fields later steps read; may be {@link FieldSet#all()}
     */
    default FieldSet requiredFields(FieldSet neededOutput) {
        return FieldSet.all();
    }

    /**
     * A function equivalent to this one for readers of {@code neededOutput} only: it may leave
     * other output fields unset or undecoded. It must still reject every record this function
     * would reject for a reason other than the content of a field it no longer produces.
     *
     * @param neededOutput the output fields later steps read; may be {@link FieldSet#all()}
     */
    default RecordFunction pruneOutput(FieldSet neededOutput) {
        return this;
    }
}
