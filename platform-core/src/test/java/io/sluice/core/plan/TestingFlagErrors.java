package io.sluice.core.plan;

import java.util.function.Consumer;

import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/** Flags ERROR records, which the test's memory sink then rejects one by one. */
public final class TestingFlagErrors implements RecordFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(Record record, Consumer<Record> out) {
        out.accept(record.toBuilder().field("flagged", "ERROR".equals(record.getString("level"))).build());
    }
}
