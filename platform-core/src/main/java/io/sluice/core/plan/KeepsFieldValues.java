package io.sluice.core.plan;

import java.util.List;

/**
 * A record step that passes the values of some fields on unchanged in every record it emits (it
 * may emit fewer records, or other fields): records partitioned by those fields stay so after
 * it, and a later grouping by them needs no shuffle ({@link KeyedPartitioner}). A step that does
 * not say so is taken to change every field.
 */
public interface KeepsFieldValues {
    /** Whether every record this step emits holds the same values of {@code fields} as its input. */
    boolean keepsValuesOf(List<String> fields);
}
