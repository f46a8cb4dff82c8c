package io.sluice.api.source;

import java.io.Serializable;
import java.util.Optional;

/**
 * Tracks, on the driver, the positions each batch of a source's stream read up to, and commits
 * them when the runtime says the batch is done.
 *
 * <p>Serialized into Spark checkpoints along with the stream that fills it: after a recovery the
 * runtime talks to the restored copy, so keep per-batch state in transient fields that the
 * stream's functions fill again as Spark regenerates the batches. Called on the driver's job
 * thread, one batch at a time, in batch-time order.
 */
public interface SourcePositions extends Serializable {
    /**
     * The positions the batch at {@code batchTime} (epoch millis) read up to, i.e. where the next
     * batch starts. Empty if this tracker saw no such batch.
     */
    Optional<Positions> positionsOf(long batchTime);

    /**
     * Called once every sink has written the batch at {@code batchTime}. Commit its positions
     * to the source system (e.g. a Kafka consumer group) and forget that batch and older ones.
     * A failure here is logged and the next batch's commit covers it.
     */
    void commit(long batchTime);
}
