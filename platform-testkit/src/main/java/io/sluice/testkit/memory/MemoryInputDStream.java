package io.sluice.testkit.memory;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import scala.Option;
import scala.reflect.ClassTag$;

/**
 * Each batch takes the next queued batch of its memory stream. Unlike Spark's {@code queueStream}
 * it survives being written to a checkpoint: it holds only the stream id; a batch time computed
 * again after a recovery in the same JVM gets the same records.
 */
final class MemoryInputDStream extends InputDStream<Record> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String sourceName;
    private final int partitions;

    MemoryInputDStream(StreamingContext context, String stream, String sourceName, int partitions) {
        super(context, ClassTag$.MODULE$.apply(Record.class));
        this.stream = stream;
        this.sourceName = sourceName;
        this.partitions = partitions;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public Option<RDD<Record>> compute(Time validTime) {
        List<Record> batch = MemoryStreams.poll(stream, validTime.milliseconds());
        List<Record> withOrigin = new ArrayList<>(batch.size());
        long offset = 0;
        for (Record record : batch) {
            withOrigin.add(record.origin() != null ? record : record.toBuilder()
                    .origin(new Origin(sourceName, stream, offset)).build());
            offset++;
        }
        return Option.apply(JavaSparkContext.fromSparkContext(context().sparkContext()).parallelize(withOrigin, partitions).rdd());
    }
}
