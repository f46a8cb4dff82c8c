package io.sluice.core.builtin.aggregate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.StreamTransformContext;
import io.sluice.core.plan.DStreams;
import io.sluice.core.plan.KeyedPartitioner;
import io.sluice.core.plan.MappingIterator;
import io.sluice.core.plan.Rdds;

/**
 * Aggregates by key per batch, or per sliding window. Windows of count, sum and avg use Spark's
 * inverse-function {@code reduceByKeyAndWindow}: each slide adds the new batches and subtracts
 * the ones that left, instead of re-reducing the whole window; groups whose rows all left are
 * dropped. Windows with min or max re-reduce the window, as those cannot be subtracted.
 *
 * <p>Each output record holds the key fields, the aggregates, and {@code window_start} and
 * {@code window_end} (timestamps; the batch's own span when there is no window).
 */
public final class AggregateTransform implements StreamTransform {
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";

    private final Aggregation aggregation;
    private final Optional<WindowSpec> window;
    private final Duration batchInterval;

    public AggregateTransform(Aggregation aggregation, Optional<WindowSpec> window, Duration batchInterval) {
        this.aggregation = requireNonNull(aggregation, "aggregation is null");
        this.window = requireNonNull(window, "window is null");
        this.batchInterval = requireNonNull(batchInterval, "batchInterval is null");
    }

    @Override
    public Optional<RecordFunction> prepare() {
        return Optional.of(aggregation.prepare());
    }

    @Override
    public JavaDStream<Record> apply(StreamTransformContext context) {
        Aggregation agg = aggregation;
        KeyedPartitioner partitioner = agg.partitioner(context.input());
        JavaPairDStream<GroupKey, Partial> partials = agg.partials(context.input(), partitioner);
        JavaPairDStream<GroupKey, Partial> reduced;
        long span;
        if (window.isEmpty()) {
            reduced = agg.reduce(partials, partitioner);
            span = batchInterval.toMillis();
        }
        else {
            WindowSpec spec = window.get();
            span = spec.length().toMillis();
            // What Spark's reduceByKeyAndWindow without an inverse does: reduce each batch, window, reduce the window.
            reduced = agg.invertible()
                    ? partials.reduceByKeyAndWindow(agg::merge, agg::subtract, spec.sparkLength(), spec.sparkSlide(), partitioner,
                            group -> group._2().rows() > 0)
                    : agg.reduce(agg.reduce(partials, partitioner).window(spec.sparkLength(), spec.sparkSlide()), partitioner);
        }
        long windowMillis = span;
        return DStreams.transform(reduced, (rdd, time) -> {
            long end = time.milliseconds();
            Instant windowEnd = Instant.ofEpochMilli(end);
            Instant windowStart = Instant.ofEpochMilli(end - windowMillis);
            // The records keep the groups' partitioning: an aggregation by the same keys after this one shuffles nothing.
            return Rdds.mapPartitions(rdd, groups -> new MappingIterator<>(groups, group -> agg.output(group._1(), group._2(), Record.builder())
                    .field(WINDOW_START, windowStart)
                    .field(WINDOW_END, windowEnd)
                    .eventTime(end)
                    .build()), true);
        });
    }
}
