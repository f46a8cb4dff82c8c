package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * The decoders of several sources as one record step over their union: each record goes to the
 * decoder of the source its origin names; records of sources without a decoder pass as they are.
 */
final class SourceDecoders implements RecordFunction {
    private static final long serialVersionUID = 1L;

    private final Map<String, RecordFunction> bySource;

    SourceDecoders(Map<String, RecordFunction> bySource) {
        this.bySource = new LinkedHashMap<>(requireNonNull(bySource, "bySource is null"));
    }

    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        FieldSet required = neededOutput;
        for (RecordFunction decoder : bySource.values()) {
            required = required.union(decoder.requiredFields(neededOutput));
        }
        return required;
    }

    @Override
    public RecordFunction pruneOutput(FieldSet neededOutput) {
        Map<String, RecordFunction> pruned = new LinkedHashMap<>();
        bySource.forEach((source, decoder) -> pruned.put(source, decoder.pruneOutput(neededOutput)));
        return new SourceDecoders(pruned);
    }

    @Override
    public void apply(Record record, Consumer<Record> out) throws Exception {
        RecordFunction decoder = record.origin() == null ? null : bySource.get(record.origin().source());
        if (decoder == null) {
            out.accept(record);
            return;
        }
        decoder.apply(record, out);
    }
}
