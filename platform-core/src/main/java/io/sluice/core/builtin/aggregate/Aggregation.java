package io.sluice.core.builtin.aggregate;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.core.plan.DStreams;
import io.sluice.core.plan.KeepsFieldValues;
import io.sluice.core.plan.KeyedPartitioner;
import io.sluice.core.plan.Rdds;
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

    // The group of records whose only key field is null: a map key cannot be null.
    private static final Object NULL_GROUP = new Object();

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
        return new Prepare(keyFields, specs);
    }

    /** How this aggregation's groups are spread: over the Spark context's default parallelism, as Spark's own keyed streams are. */
    public KeyedPartitioner partitioner(JavaDStream<?> input) {
        return new KeyedPartitioner(keyFields, input.context().sparkContext().defaultParallelism());
    }

    /**
     * Each batch of prepared records combined per partition into a partial per group
     * ({@link #combine}). Records partitioned by these keys already, as an aggregation by the same
     * keys leaves them, keep that partitioning: reducing them by {@code partitioner} then needs no
     * shuffle.
     */
    public JavaPairDStream<GroupKey, Partial> partials(JavaDStream<Record> prepared, KeyedPartitioner partitioner) {
        Aggregation agg = this;
        return DStreams.transformToPair(prepared,
                (rdd, time) -> Rdds.mapPartitionsToPair(rdd, agg::combine, partitioner.equals(rdd.partitioner().orNull())));
    }

    /** {@code partials} merged per group in each batch (Spark's {@code reduceByKey}); no shuffle when they are placed by {@code partitioner}. */
    public JavaPairDStream<GroupKey, Partial> reduce(JavaPairDStream<GroupKey, Partial> partials, KeyedPartitioner partitioner) {
        Aggregation agg = this;
        return DStreams.transformToPair(partials, (rdd, time) -> Rdds.reduceByKey(rdd, agg::merge, partitioner));
    }

    /**
     * Reduces a record to its key values followed by its aggregate inputs (named {@code #0},
     * {@code #1}, ...), and so reads only those fields of its input. When only counting, a record
     * whose fields already are the keys passes as it is: counts read no input field.
     */
    private static final class Prepare implements RecordFunction, KeepsFieldValues {
        private static final long serialVersionUID = 1L;

        private final String[] keys;
        private final AggregateSpec[] aggregates;
        private final String[] inputNames;
        private final boolean countsOnly;

        Prepare(List<String> keys, List<AggregateSpec> aggregates) {
            this.keys = keys.toArray(new String[0]);
            this.aggregates = aggregates.toArray(new AggregateSpec[0]);
            // Named once here, not per record.
            this.inputNames = new String[this.aggregates.length];
            for (int i = 0; i < inputNames.length; i++) {
                inputNames[i] = "#" + i;
            }
            this.countsOnly = aggregates.stream().allMatch(aggregate -> aggregate.field() == null);
        }

        @Override
        public FieldSet requiredFields(FieldSet neededOutput) {
            List<String> read = new ArrayList<>(List.of(keys));
            for (AggregateSpec aggregate : aggregates) {
                if (aggregate.field() != null) {
                    read.add(aggregate.field());
                }
            }
            return FieldSet.of(read);
        }

        /** The keys pass as they are; the aggregate inputs do not. */
        @Override
        public boolean keepsValuesOf(List<String> fields) {
            return List.of(keys).containsAll(fields);
        }

        @Override
        public void apply(Record record, Consumer<Record> out) {
            if (isPrepared(record)) {
                out.accept(record);
                return;
            }
            Record.Builder prepared = Record.builder(keys.length + aggregates.length).eventTime(record.eventTime()).origin(record.origin());
            for (String key : keys) {
                Object value = record.get(key);
                if (value instanceof byte[]) {
                    throw new RecordException("key field [" + key + "] holds bytes; group by a text or number field");
                }
                prepared.field(key, value);
            }
            for (int i = 0; i < aggregates.length; i++) {
                AggregateSpec spec = aggregates[i];
                prepared.field(inputNames[i], spec.field() == null ? null : number(record, spec));
            }
            out.accept(prepared.build());
        }

        /**
         * Whether the record already is what preparing it would make: its fields are the keys in
         * order, and no aggregate reads a field. Common after a pruned parse, and a record built
         * less per input record.
         */
        private boolean isPrepared(Record record) {
            if (!countsOnly || record.fieldCount() != keys.length || record.key() != null || record.payload() != null) {
                return false;
            }
            for (int i = 0; i < keys.length; i++) {
                if (!keys[i].equals(record.fieldName(i)) || record.fieldValue(i) instanceof byte[]) {
                    return false;
                }
            }
            return true;
        }
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

    /**
     * Combines a partition's prepared records into one partial per group before the shuffle,
     * updating each group's partial in place. At most {@link PartitionCombiner#MAX_GROUPS} groups
     * are held at once; past that the partials so far are emitted and combining starts afresh,
     * so memory stays bounded whatever the number of keys (the shuffle merges what is emitted).
     */
    public Iterator<Tuple2<GroupKey, Partial>> combine(Iterator<Record> prepared) {
        return new PartitionCombiner(this, prepared);
    }

    /** The group of a prepared record: its only key value as it is, else a {@link GroupKey}. */
    Object groupOf(Record prepared) {
        int keyCount = keyFields.size();
        if (keyCount == 1) {
            Object value = prepared.fieldValue(0);
            return value == null ? NULL_GROUP : value;
        }
        Object[] key = new Object[keyCount];
        for (int i = 0; i < keyCount; i++) {
            key[i] = prepared.fieldValue(i);
        }
        return GroupKey.wrap(key);
    }

    /** The shuffle key of a group from {@link #groupOf}. */
    GroupKey groupKey(Object group) {
        if (group instanceof GroupKey key) {
            return key;
        }
        return GroupKey.wrap(new Object[] {group == NULL_GROUP ? null : group});
    }

    /** Adds a prepared record's aggregate inputs to {@code partial}. */
    void accumulate(Partial.Accumulator partial, Record prepared) {
        int keyCount = keyFields.size();
        partial.addRow();
        for (int i = 0; i < specs.size(); i++) {
            AggregateSpec spec = specs.get(i);
            if (spec.field() == null) {
                partial.add(i, 1, false);
                continue;
            }
            Object value = prepared.fieldValue(keyCount + i);
            if (value != null) {
                partial.add(i, spec.function() == AggregateFunction.COUNT ? 1 : ((Number) value).doubleValue(), value instanceof Double);
            }
        }
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
