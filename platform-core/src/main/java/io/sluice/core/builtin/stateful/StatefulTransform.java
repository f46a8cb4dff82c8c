package io.sluice.core.builtin.stateful;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.state.StateAccessor;
import io.sluice.api.state.StateAccessorFactory;
import io.sluice.api.state.StateStorage;
import io.sluice.api.state.StoredState;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.StreamTransformContext;
import io.sluice.core.builtin.aggregate.Aggregation;
import io.sluice.core.builtin.aggregate.GroupKey;
import io.sluice.core.builtin.aggregate.Partial;
import io.sluice.core.plan.DStreams;
import io.sluice.core.plan.KeyedPartitioner;
import io.sluice.core.plan.MappingIterator;
import io.sluice.core.plan.Rdds;
import scala.Tuple2;

/**
 * Running aggregates per key. Each batch is first reduced per key; the batch's partial is then
 * merged into the key's state, which lives where the pipeline's state store says:
 * <ul>
 *   <li>in Spark ({@code mapWithState}, checkpointed), with Spark's idle timeout;</li>
 *   <li>externally: per partition, one read of every key's state, the merge, one write; a key
 *       whose stored state already has this batch's time is a replay and is not merged again.</li>
 * </ul>
 * Output records hold the key fields, the aggregates so far and {@code updated_at}.
 */
public final class StatefulTransform implements StreamTransform {
    public static final String UPDATED_AT = "updated_at";

    /** Which keys a batch outputs. */
    public enum Emit {
        UPDATED,
        ALL
    }

    private final Aggregation aggregation;
    private final Optional<Duration> idleTimeout;
    private final Emit emit;

    StatefulTransform(Aggregation aggregation, Optional<Duration> idleTimeout, Emit emit) {
        this.aggregation = requireNonNull(aggregation, "aggregation is null");
        this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
        this.emit = requireNonNull(emit, "emit is null");
    }

    @Override
    public Optional<RecordFunction> prepare() {
        return Optional.of(aggregation.prepare());
    }

    @Override
    public JavaDStream<Record> apply(StreamTransformContext context) {
        Aggregation agg = aggregation;
        KeyedPartitioner partitioner = agg.partitioner(context.input());
        JavaPairDStream<GroupKey, Partial> batch = agg.reduce(agg.partials(context.input(), partitioner), partitioner);
        StateStorage storage = context.stateStore().storage();
        // Java 17 has no pattern switch; StateStorage is sealed to these two.
        JavaPairDStream<GroupKey, Partial> states = storage instanceof StateStorage.External external
                ? externally(batch, external.accessors(), context.name())
                : inEngine(batch, partitioner);
        return DStreams.transform(states, (rdd, time) -> {
            Instant updatedAt = Instant.ofEpochMilli(time.milliseconds());
            long eventTime = time.milliseconds();
            return Rdds.mapPartitions(rdd, updated -> new MappingIterator<>(updated, state -> agg.output(state._1(), state._2(), Record.builder())
                    .field(UPDATED_AT, updatedAt)
                    .eventTime(eventTime)
                    .build()), false);
        });
    }

    private JavaPairDStream<GroupKey, Partial> inEngine(JavaPairDStream<GroupKey, Partial> batch, KeyedPartitioner partitioner) {
        Aggregation agg = aggregation;
        Function3<GroupKey, org.apache.spark.api.java.Optional<Partial>, State<Partial>, Tuple2<GroupKey, Partial>> update =
                (key, value, state) -> {
                    if (state.isTimingOut() || !value.isPresent()) {
                        return null;
                    }
                    Partial merged = state.exists() ? agg.merge(state.get(), value.get()) : value.get();
                    state.update(merged);
                    return new Tuple2<>(key, merged);
                };
        // The state kept as the batch is partitioned: each batch meets it without a shuffle.
        StateSpec<GroupKey, Partial, Partial, Tuple2<GroupKey, Partial>> spec = StateSpec.function(update).partitioner(partitioner);
        if (idleTimeout.isPresent()) {
            spec = spec.timeout(new org.apache.spark.streaming.Duration(idleTimeout.get().toMillis()));
        }
        JavaMapWithStateDStream<GroupKey, Partial, Partial, Tuple2<GroupKey, Partial>> mapped = batch.mapWithState(spec);
        if (emit == Emit.ALL) {
            return mapped.stateSnapshots();
        }
        return mapped.filter(updated -> updated != null).mapToPair(updated -> updated);
    }

    private JavaPairDStream<GroupKey, Partial> externally(JavaPairDStream<GroupKey, Partial> batch, StateAccessorFactory accessors,
            String namespace) {
        if (emit == Emit.ALL) {
            throw SluiceException.user("option [emit] [all] needs state { type = checkpoint }: an external store is not scanned every batch");
        }
        Aggregation agg = aggregation;
        // The closure is saved in the checkpoint, and java.util.Optional is not serializable.
        Duration timeout = idleTimeout.orElse(null);
        return DStreams.transformToPair(batch, (rdd, time) -> {
            long batchTime = time.milliseconds();
            return Rdds.mapPartitionsToPair(rdd, groups -> mergeExternally(groups, agg, accessors, namespace, Optional.ofNullable(timeout), batchTime),
                    false);
        });
    }

    private static Iterator<Tuple2<GroupKey, Partial>> mergeExternally(Iterator<Tuple2<GroupKey, Partial>> groups, Aggregation agg,
            StateAccessorFactory accessors, String namespace, Optional<Duration> idleTimeout, long batchTime) throws Exception {
        Map<String, Tuple2<GroupKey, Partial>> byKey = new LinkedHashMap<>();
        while (groups.hasNext()) {
            Tuple2<GroupKey, Partial> group = groups.next();
            byKey.put(group._1().encode(), group);
        }
        if (byKey.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        List<Tuple2<GroupKey, Partial>> results = new ArrayList<>(byKey.size());
        try (StateAccessor accessor = accessors.open(namespace, idleTimeout)) {
            Map<String, StoredState> stored = accessor.read(byKey.keySet());
            Map<String, Record> updates = new LinkedHashMap<>();
            for (Map.Entry<String, Tuple2<GroupKey, Partial>> entry : byKey.entrySet()) {
                StoredState previous = stored.get(entry.getKey());
                Partial merged;
                if (previous != null && previous.batchTime() >= batchTime) {
                    // A replay of a batch already applied: report the stored state, change nothing.
                    merged = agg.fromState(previous.state());
                }
                else {
                    merged = previous == null ? entry.getValue()._2() : agg.merge(agg.fromState(previous.state()), entry.getValue()._2());
                    updates.put(entry.getKey(), agg.toState(merged));
                }
                results.add(new Tuple2<>(entry.getValue()._1(), merged));
            }
            if (!updates.isEmpty()) {
                accessor.write(updates, List.of(), batchTime);
            }
        }
        return results.iterator();
    }
}
