package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;

import io.sluice.api.sink.WriterContext;
import io.sluice.api.source.Positions;

/** The runtime's {@link WriterContext}: made on the driver per batch, completed per partition on executors. */
record BatchWriterContext(
        String pipelineName,
        String sinkName,
        long batchTime,
        int partitionId,
        long attemptId,
        Map<String, Positions> positions) implements WriterContext, Serializable {
    BatchWriterContext {
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(sinkName, "sinkName is null");
        positions = Map.copyOf(positions);
    }

    BatchWriterContext forPartition(int partition, long attempt) {
        return new BatchWriterContext(pipelineName, sinkName, batchTime, partition, attempt, positions);
    }
}
