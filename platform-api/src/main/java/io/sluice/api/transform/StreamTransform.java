package io.sluice.api.transform;

import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.record.Record;

/**
 * A transform over whole streams: windows, aggregates, keyed state, joins. Called once, on the
 * driver, when the pipeline is planned; the functions it gives Spark are serialized into
 * checkpoints and shipped to executors, so they capture only serializable values.
 */
public interface StreamTransform extends Transform {
    /**
     * A per-record step run before {@link #apply}, fused with the record transforms before it and
     * covered by the dead-letter path: the place to check and extract the fields this transform
     * needs, so a bad record is dead-lettered rather than failing a whole batch.
     */
    default Optional<RecordFunction> prepare() {
        return Optional.empty();
    }

    /** Builds the transformed stream. */
    JavaDStream<Record> apply(StreamTransformContext context);
}
