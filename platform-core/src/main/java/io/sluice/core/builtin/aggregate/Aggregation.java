package io.sluice.core.builtin.aggregate;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import scala.Tuple2;

/**
 * Groups records by key fields and aggregates them, independent of how the groups are kept
 * (per batch, per window, or in a state store). Serializable: shipped to executors.
 *
 * <p>{@link #prepare()} runs as a fused, dead-letter-covered record step and reduces each record
 * to its key values followed by its numeric aggregate inputs, so a non-numeric value is
 * rejected record by record rather than failing a batch in a shuffle.
 */
public final class Aggregation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> keyFields;
    private final List<AggregateSpec> specs;

    public Aggregation(List<String> keyFields, List<AggregateSpec> specs) {
        this.keyFields = List.copyOf(requireNonNull(keyFields, "keyFields is null"));
        this.specs = List.copyOf(requireNonNull(specs, "specs is null"));
    }

    public List<String> keyFields() {
        return keyFields;
    }

    public List<AggregateSpec> specs() {
        return specs;
    }

    /** Whether every aggregate can be subtracted back out (count, sum, avg). */
    public boolean invertible() {
        return specs.stream().allMatch(spec -> spec.function().invertible());
    }

    /** The record step that checks and extracts the fields this aggregation reads. */
    public RecordFunction prepare() {
        List<String> keys = keyFields;
        List<AggregateSpec> aggregates = specs;
        // Named once here, not per record.
        String[] inputNames = new String[aggregates.size()];
        for (int i = 0; i < inputNames.length; i++) {
            inputNames[i] = "#" + i;
        }
        return (record, out) -> {
            Record.Builder prepared = Record.builder().eventTime(record.eventTime()).origin(record.origin());
            for (String key : keys) {
                Object value = record.get(key);
                if (value instanceof byte[]) {
                    throw new RecordException("key field [" + key + "] holds bytes; group by a text or number field");
                }
                prepared.field(key, value);
            }
            for (int i = 0; i < aggregates.size(); i++) {
                AggregateSpec spec = aggregates.get(i);
                prepared.field(inputNames[i], spec.field() == null ? null : number(record, spec));
            }
            out.accept(prepared.build());
        };
    }

    private static Object number(Record record, AggregateSpec spec) {
        Object value = record.get(spec.field());
        if (value == null || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (spec.function() == AggregateFunction.COUNT) {
            return 1L;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            try {
                return Long.parseLong(trimmed);
            }
            catch (NumberFormatException notWhole) {
                try {
                    return Double.parseDouble(trimmed);
                }
                catch (NumberFormatException e) {
                    throw new RecordException("field [" + spec.field() + "] is not a number, as " + spec + " needs");
                }
            }
        }
        throw new RecordException("field [" + spec.field() + "] is not a number, as " + spec + " needs");
    }

    /** Splits a prepared record into its group key and its one-row partial. */
    public Tuple2<GroupKey, Partial> toPair(Record prepared) {
        int keyCount = keyFields.size();
        Object[] key = new Object[keyCount];
        for (int i = 0; i < keyCount; i++) {
            key[i] = prepared.fieldValue(i);
        }
        int width = specs.size();
        double[] values = new double[width];
        long[] counts = new long[width];
        boolean[] fractional = new boolean[width];
        for (int i = 0; i < width; i++) {
            AggregateSpec spec = specs.get(i);
            Object value = prepared.fieldValue(keyCount + i);
            if (spec.field() == null) {
                values[i] = 1;
                counts[i] = 1;
            }
            else if (value != null) {
                counts[i] = 1;
                values[i] = spec.function() == AggregateFunction.COUNT ? 1 : ((Number) value).doubleValue();
                fractional[i] = value instanceof Double;
            }
        }
        return new Tuple2<>(new GroupKey(key), new Partial(1, values, counts, fractional));
    }

    public Partial merge(Partial a, Partial b) {
        return Partial.merge(a, b, specs);
    }

    public Partial subtract(Partial a, Partial b) {
        return Partial.subtract(a, b);
    }

    /** Adds the key fields and the finished aggregates to {@code out}. */
    public Record.Builder output(GroupKey key, Partial partial, Record.Builder out) {
        for (int i = 0; i < keyFields.size(); i++) {
            out.field(keyFields.get(i), key.value(i));
        }
        for (int i = 0; i < specs.size(); i++) {
            AggregateSpec spec = specs.get(i);
            long count = partial.count(i);
            double value = partial.value(i);
            Object result = switch (spec.function()) {
                case COUNT -> count;
                case SUM -> count == 0 ? null : partial.fractional(i) ? (Object) value : (Object) Math.round(value);
                case MIN, MAX -> count == 0 ? null : partial.fractional(i) ? (Object) value : (Object) Math.round(value);
                case AVG -> count == 0 ? null : value / count;
            };
            out.field(spec.output(), result);
        }
        return out;
    }

    /** The partial as a record, for state stores that keep records; see {@link #fromState}. */
    public Record toState(Partial partial) {
        Record.Builder state = Record.builder().field("rows", partial.rows());
        for (int i = 0; i < specs.size(); i++) {
            state.field("v" + i, partial.value(i)).field("c" + i, partial.count(i)).field("f" + i, partial.fractional(i));
        }
        return state.build();
    }

    /** Reads back a partial written by {@link #toState}. */
    public Partial fromState(Record state) {
        int width = specs.size();
        double[] values = new double[width];
        long[] counts = new long[width];
        boolean[] fractional = new boolean[width];
        for (int i = 0; i < width; i++) {
            values[i] = state.getDouble("v" + i);
            counts[i] = state.getLong("c" + i);
            fractional[i] = Boolean.TRUE.equals(state.get("f" + i));
        }
        return new Partial(state.getLong("rows"), values, counts, fractional);
    }
}
