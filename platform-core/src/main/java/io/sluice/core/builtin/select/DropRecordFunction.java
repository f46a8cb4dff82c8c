package io.sluice.core.builtin.select;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.plan.KeepsFieldValues;

/** The {@code drop} transform's per-record step: the record without the listed fields; absent ones are ignored. */
final class DropRecordFunction implements RecordFunction, KeepsFieldValues {
    private static final long serialVersionUID = 1L;

    private final String[] fields;

    DropRecordFunction(List<String> fields) {
        this.fields = requireNonNull(fields, "fields is null").toArray(new String[0]);
    }

    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return neededOutput.minus(List.of(fields));
    }

    /** Fields it does not drop pass as they are. */
    @Override
    public boolean keepsValuesOf(List<String> keys) {
        return keys.stream().noneMatch(List.of(fields)::contains);
    }

    @Override
    public void apply(Record record, Consumer<Record> out) {
        Record.Builder builder = null;
        for (String field : fields) {
            if (record.has(field)) {
                if (builder == null) {
                    builder = record.toBuilder();
                }
                builder.remove(field);
            }
        }
        // A record with none of the fields passes as it is, without a copy.
        out.accept(builder == null ? record : builder.build());
    }
}
