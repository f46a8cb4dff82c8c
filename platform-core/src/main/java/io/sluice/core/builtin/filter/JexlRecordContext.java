package io.sluice.core.builtin.filter;

import static java.util.Objects.requireNonNull;

import org.apache.commons.jexl3.JexlContext;

import io.sluice.api.record.Record;

/**
 * Resolves an expression's variables to one record's fields. Every name is "defined": a field the
 * record lacks reads as {@code null}, so {@code level == 'ERROR'} is false for a record without
 * a level, where JEXL's strict mode would otherwise fail on an undefined variable. Read-only.
 * Made per record and used by one thread.
 */
final class JexlRecordContext implements JexlContext {
    private final Record record;

    JexlRecordContext(Record record) {
        this.record = requireNonNull(record, "record is null");
    }

    @Override
    public Object get(String name) {
        return record.get(name);
    }

    @Override
    public boolean has(String name) {
        return true;
    }

    @Override
    public void set(String name, Object value) {
        // The engine's features forbid assignment, so this is never reached from a parsed expression.
        throw new UnsupportedOperationException("filter expressions cannot set fields");
    }
}
