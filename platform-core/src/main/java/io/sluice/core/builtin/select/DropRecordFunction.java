package io.sluice.core.builtin.select;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/** The {@code drop} transform's per-record step: the record without the listed fields; absent ones are ignored. */
final class DropRecordFunction implements RecordFunction {
    private static final long serialVersionUID = 1L;

    private final String[] fields;

    DropRecordFunction(List<String> fields) {
        this.fields = requireNonNull(fields, "fields is null").toArray(new String[0]);
    }

    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return neededOutput.minus(List.of(fields));
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
