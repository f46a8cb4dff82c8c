package io.sluice.core.builtin.select;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.plan.KeepsFieldValues;

/**
 * The {@code rename} transform's per-record step. A renamed field keeps its position. When a
 * record already has a field under the new name, the renamed field replaces it (the record ends up
 * with one field of that name, at the renamed field's position). Renames apply all at once, so
 * {@code a -> b, b -> a} swaps two fields. A source field the record lacks is ignored.
 */
final class RenameRecordFunction implements RecordFunction, KeepsFieldValues {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> renames;
    /** New name to old name; new names are unique, checked by the factory. */
    private final HashMap<String, String> sources;

    RenameRecordFunction(Map<String, String> renames) {
        this.renames = new HashMap<>(requireNonNull(renames, "renames is null"));
        this.sources = new HashMap<>();
        renames.forEach((from, to) -> sources.put(to, from));
    }

    /** Each needed field under its old name too, since the record may hold it under either. */
    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        if (neededOutput.isAll()) {
            return neededOutput;
        }
        Set<String> required = new HashSet<>(neededOutput.names());
        for (String name : neededOutput.names()) {
            String source = sources.get(name);
            if (source != null) {
                required.add(source);
            }
        }
        FieldSet passedOn = FieldSet.of(required);
        return neededOutput.containsPayload() ? passedOn.withPayload() : passedOn;
    }

    /** Fields neither renamed nor replaced by a rename pass as they are. */
    @Override
    public boolean keepsValuesOf(List<String> keys) {
        return keys.stream().noneMatch(key -> renames.containsKey(key) || sources.containsKey(key));
    }

    @Override
    public void apply(Record record, Consumer<Record> out) {
        Record.Builder builder = Record.builder()
                .key(record.key())
                .payload(record.payload())
                .eventTime(record.eventTime())
                .origin(record.origin());
        for (int i = 0; i < record.fieldCount(); i++) {
            String name = record.fieldName(i);
            String newName = renames.get(name);
            if (newName != null) {
                builder.field(newName, record.fieldValue(i));
                continue;
            }
            String source = sources.get(name);
            if (source != null && record.has(source)) {
                // Replaced by the field renamed to this name.
                continue;
            }
            builder.field(name, record.fieldValue(i));
        }
        out.accept(builder.build());
    }
}
