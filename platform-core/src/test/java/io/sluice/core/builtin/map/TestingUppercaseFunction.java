package io.sluice.core.builtin.map;

import java.util.Locale;
import java.util.function.Consumer;

import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/** A user function as a pipeline author would write one: upper-cases field {@code message}, and emits a copy per word of it. */
public final class TestingUppercaseFunction implements RecordFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(Record record, Consumer<Record> out) {
        String message = record.getString("message");
        for (String word : message.split(" ")) {
            out.accept(record.toBuilder().field("message", word.toUpperCase(Locale.ROOT)).build());
        }
    }
}
