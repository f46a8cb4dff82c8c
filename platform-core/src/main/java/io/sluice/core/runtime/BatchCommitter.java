package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.streaming.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.source.Positions;
import io.sluice.api.source.SourcePositions;

/**
 * The last output of every batch: once every sink wrote the batch, stores each source's positions
 * in the position store and lets the source commit them (e.g. to its Kafka consumer group).
 * Serialized into the checkpoint with the stream graph.
 */
public final class BatchCommitter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

    private final String pipelineName;
    private final Map<String, SourcePositions> positions;

    public BatchCommitter(String pipelineName, Map<String, SourcePositions> positions) {
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
        this.positions = new LinkedHashMap<>(requireNonNull(positions, "positions is null"));
    }

    /** Called on the driver after the batch's sink outputs ran. */
    public void commit(Time time) {
        long batchTime = time.milliseconds();
        RuntimeServices services = RuntimeServices.of(pipelineName);
        if (services.hasFailed(batchTime)) {
            LOG.warn("Batch {} failed in a sink; its positions are not committed", time);
            return;
        }
        for (Map.Entry<String, SourcePositions> entry : positions.entrySet()) {
            Optional<Positions> batchPositions = entry.getValue().positionsOf(batchTime);
            if (batchPositions.isEmpty()) {
                continue;
            }
            try {
                services.positionStore().store(entry.getKey(), batchTime, batchPositions.get());
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot store positions of source [" + entry.getKey() + "]", e);
            }
            try {
                entry.getValue().commit(batchTime);
            }
            catch (RuntimeException e) {
                // The positions are stored; the source's own commit catches up with the next batch.
                LOG.warn("Source [{}] could not commit positions of batch {}: {}", entry.getKey(), time, e.toString());
            }
        }
    }
}
