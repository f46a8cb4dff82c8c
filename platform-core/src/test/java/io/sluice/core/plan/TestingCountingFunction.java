package io.sluice.core.plan;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/** Passes records on and counts how often it ran, in this JVM (embedded Spark only). */
public final class TestingCountingFunction implements RecordFunction {
    private static final long serialVersionUID = 1L;
    static final AtomicLong CALLS = new AtomicLong();

    @Override
    public void apply(Record record, Consumer<Record> out) {
        CALLS.incrementAndGet();
        out.accept(record);
    }
}
