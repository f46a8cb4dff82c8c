package io.sluice.api.sink;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.source.Positions;

/**
 * One sink of a pipeline, on the driver. Lifecycle: created by its factory; {@link #prepare} once
 * before the first batch; per batch, partition writers run on executors and then
 * {@link #commitBatch} runs on the driver; {@link #close} when the pipeline stops.
 *
 * <p>A batch whose writers fail is retried by the runtime (a new attempt writes every partition
 * again), then fails the pipeline; it is never skipped.
 */
public interface Sink {
    /** The factory shipped to executors. Called once per pipeline start. */
    PartitionWriterFactory writerFactory();

    /** What a replayed batch does to this sink's output. */
    SinkDelivery delivery();

    /**
     * Why the delivery holds, for the start-up banner, e.g. {@code jdbc upserts by [level, window_end]}.
     */
    String describe();

    /** Driver-side set-up before the first batch (create a table, check the target exists). */
    default void prepare() throws IOException {
    }

    /**
     * Makes a batch visible once every partition's writer committed, on the driver (e.g. renames
     * a batch's temporary directory into place). Must be idempotent: a replayed batch calls it again.
     *
     * @param batchTime the batch time, epoch millis
     * @param messages what each partition's {@link PartitionWriter#commit()} returned, nulls left out
     */
    default void commitBatch(long batchTime, List<Serializable> messages) throws IOException {
    }

    /**
     * For {@link SinkDelivery#TRANSACTIONAL} sinks: the positions stored with the last batch this
     * sink wrote for the named source, read back on start so the source resumes from them.
     */
    default Optional<Positions> storedPositions(String sourceName) throws IOException {
        return Optional.empty();
    }

    /**
     * Whether the runtime must hand this sink each batch as a single partition, as a sink that
     * writes a batch and its positions in one transaction needs.
     */
    default boolean requiresSinglePartition() {
        return false;
    }

    /** Releases driver-side resources. */
    default void close() {
    }
}
