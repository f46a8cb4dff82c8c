package io.sluice.core.builtin.generator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;

import io.sluice.api.record.Record;
import scala.Option;
import scala.reflect.ClassTag$;

/**
 * The generator's stream. No receiver and no driver-side state: the batch at time {@code T}
 * covers sequence numbers {@code [end(T - interval), end(T))} with
 * {@code end(T) = first + rate * (T - zeroTime) / 1000} (capped by the limit), so consecutive
 * batches are contiguous and a replayed batch, after a failure or a checkpoint recovery, yields
 * exactly the records it yielded first. {@code zeroTime} is Spark's and is checkpointed with
 * the graph.
 *
 * <p>Serialized into Spark checkpoints with the DStream graph; every field is a serializable
 * value. Runs on the driver's job generator thread; the records are made on executors.
 */
// DStreams are deprecated in Spark 3.5 in favour of Structured Streaming; they are the engine
// Sluice runs on, kept behind the source/planner seam (see DESIGN.md, "Engine seam").
@SuppressWarnings("deprecation")
final class GeneratorInputDStream extends InputDStream<Record> {
    private static final long serialVersionUID = 1L;

    private final GeneratorLines lines;
    private final String sourceName;
    private final int rate;
    private final int partitions;
    private final long firstSequence;
    private final long limit;
    private final GeneratorPositions positions;

    GeneratorInputDStream(StreamingContext context, GeneratorLines lines, String sourceName, int rate, int partitions,
            long firstSequence, long limit, GeneratorPositions positions) {
        super(context, ClassTag$.MODULE$.apply(Record.class));
        this.lines = requireNonNull(lines, "lines is null");
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.rate = rate;
        this.partitions = partitions;
        this.firstSequence = firstSequence;
        this.limit = limit;
        this.positions = requireNonNull(positions, "positions is null");
    }

    @Override
    public void start() {
        // Nothing to connect to: every batch is computed from its time.
    }

    @Override
    public void stop() {
    }

    @Override
    public Option<RDD<Record>> compute(Time validTime) {
        GeneratorRange batch = rangeOf(validTime.milliseconds());
        positions.record(validTime.milliseconds(), batch.to());
        List<GeneratorRange> slices = new ArrayList<>(partitions);
        long size = batch.to() - batch.from();
        for (int i = 0; i < partitions; i++) {
            slices.add(new GeneratorRange(batch.from() + size * i / partitions, batch.from() + size * (i + 1) / partitions));
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(context().sparkContext());
        RDD<Record> rdd = spark.parallelize(slices, partitions)
                .flatMap(new GeneratorRangeReader(lines, sourceName))
                .rdd();
        return Option.apply(rdd);
    }

    /** The sequence numbers of the batch at {@code batchTime}; needs the stream to have been started. */
    GeneratorRange rangeOf(long batchTime) {
        long interval = slideDuration().milliseconds();
        return new GeneratorRange(endOf(batchTime - interval), endOf(batchTime));
    }

    private long endOf(long batchTime) {
        return endOf(batchTime - zeroTime().milliseconds(), firstSequence, rate, limit);
    }

    /**
     * One past the last sequence number generated {@code elapsedMillis} after the stream's zero
     * time: {@code first + rate * elapsed / 1000}, never below {@code first}, capped by a
     * non-zero limit.
     */
    static long endOf(long elapsedMillis, long first, int rate, long limit) {
        long end = first + Math.multiplyExact(Math.max(0, elapsedMillis), (long) rate) / 1000;
        return limit > 0 ? Math.min(Math.max(limit, first), end) : end;
    }
}
