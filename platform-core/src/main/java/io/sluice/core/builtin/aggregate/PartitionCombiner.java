package io.sluice.core.builtin.aggregate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import io.sluice.api.record.Record;
import scala.Tuple2;

/**
 * The map side of an aggregation: folds a partition's prepared records into one partial per
 * group in a hash map, then emits the groups. Spark's own map-side combine would build a key,
 * a one-row partial and a merged partial per record; this does one map lookup.
 */
final class PartitionCombiner implements Iterator<Tuple2<GroupKey, Partial>> {
    /** Groups held at once; beyond this the partials so far are emitted and the map starts empty. */
    static final int MAX_GROUPS = 65_536;

    private final Aggregation aggregation;
    private final Iterator<Record> input;
    private final Map<Object, Partial.Accumulator> groups = new HashMap<>();
    private Iterator<Map.Entry<Object, Partial.Accumulator>> emitting;

    PartitionCombiner(Aggregation aggregation, Iterator<Record> input) {
        this.aggregation = requireNonNull(aggregation, "aggregation is null");
        this.input = requireNonNull(input, "input is null");
    }

    @Override
    public boolean hasNext() {
        if (emitting != null && emitting.hasNext()) {
            return true;
        }
        if (!input.hasNext()) {
            return false;
        }
        groups.clear();
        while (input.hasNext() && groups.size() < MAX_GROUPS) {
            Record prepared = input.next();
            // get and put rather than computeIfAbsent, whose capturing lambda would cost an object per record.
            Object group = aggregation.groupOf(prepared);
            Partial.Accumulator partial = groups.get(group);
            if (partial == null) {
                partial = new Partial.Accumulator(aggregation.specs());
                groups.put(group, partial);
            }
            aggregation.accumulate(partial, prepared);
        }
        emitting = groups.entrySet().iterator();
        return emitting.hasNext();
    }

    @Override
    public Tuple2<GroupKey, Partial> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map.Entry<Object, Partial.Accumulator> group = emitting.next();
        return new Tuple2<>(aggregation.groupKey(group.getKey()), group.getValue().toPartial());
    }
}
