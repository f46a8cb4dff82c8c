package io.sluice.core.builtin.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.plan.KeepsFieldValues;

/**
 * The {@code filter} transform's per-record step: emits the record, unchanged, when the expression
 * is {@code true}, and nothing when it is {@code false}. Any other result, and any evaluation
 * error, fails the record, since silently dropping it would hide a broken expression.
 */
final class FilterRecordFunction implements RecordFunction, KeepsFieldValues {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final FieldSet fieldsRead;
    // JexlExpression is not serializable: recompiled once per deserialized copy, then shared by its task threads.
    private transient volatile JexlExpression compiled;

    FilterRecordFunction(String expression, JexlExpression compiled) {
        this.expression = requireNonNull(expression, "expression is null");
        this.compiled = requireNonNull(compiled, "compiled is null");
        this.fieldsRead = JexlFilterEngine.fieldsRead(expression);
    }

    /** What later steps read, which passes through, and the expression's variables. */
    @Override
    public FieldSet requiredFields(FieldSet neededOutput) {
        return neededOutput.union(fieldsRead);
    }

    /** It passes records on or drops them, never changing one. */
    @Override
    public boolean keepsValuesOf(List<String> fields) {
        return true;
    }

    @Override
    public void apply(Record record, Consumer<Record> out) {
        Object result;
        try {
            result = compiled().evaluate(new JexlRecordContext(record));
        }
        catch (JexlException e) {
            throw new RecordException("filter expression failed: " + JexlFilterEngine.describe(e), e);
        }
        if (result instanceof Boolean keep) {
            if (keep) {
                out.accept(record);
            }
            return;
        }
        throw new RecordException("filter expression must give true or false, got "
                + (result == null ? "null" : "a value of class [" + result.getClass().getSimpleName() + "]"));
    }

    private JexlExpression compiled() {
        JexlExpression result = compiled;
        if (result == null) {
            // A benign race; the engine's cache makes a second compile cheap.
            result = JexlFilterEngine.compile(expression);
            compiled = result;
        }
        return result;
    }
}
