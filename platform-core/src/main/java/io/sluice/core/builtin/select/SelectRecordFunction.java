package io.sluice.core.builtin.select;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.plan.KeepsFieldValues;

/** The {@code select} transform's per-record step: the record with only the listed fields, in list order. */
final class SelectRecordFunction implements RecordFunction, KeepsFieldValues {
    private static final long serialVersionUID = 1L;

    private final String[] fields;
    private final SelectMissingPolicy missing;

    SelectRecordFunction(List<String> fields, SelectMissingPolicy missing) {
        this.fields = requireNonNull(fields, "fields is null").toArray(new String[0]);
        this.missing = requireNonNull(missing, "missing is null");
    }

    /** The selected fields, each checked or copied whatever later steps read, and the payload it passes on to readers of it. */
    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        FieldSet selected = FieldSet.of(List.of(fields));
        return neededOutput.containsPayload() ? selected.withPayload() : selected;
    }

    /** The selected fields pass as they are. */
    @Override
    public boolean keepsValuesOf(List<String> keys) {
        return List.of(fields).containsAll(keys);
    }

    @Override
    public void apply(Record record, Consumer<Record> out) {
        Record.Builder builder = Record.builder()
                .key(record.key())
                .payload(record.payload())
                .eventTime(record.eventTime())
                .origin(record.origin());
        for (String field : fields) {
            if (record.has(field)) {
                builder.field(field, record.get(field));
                continue;
            }
            switch (missing) {
                case NULL -> builder.field(field, null);
                case ERROR -> throw new RecordException("field [" + field + "] to select is missing");
            }
        }
        out.accept(builder.build());
    }
}
