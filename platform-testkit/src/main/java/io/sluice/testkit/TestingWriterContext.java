package io.sluice.testkit;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sluice.api.sink.WriterContext;
import io.sluice.api.source.Positions;

/**
 * A {@link WriterContext} as the runtime creates one for one attempt of one partition of one
 * batch: pipeline {@code test-pipeline}, sink {@code sinks[0]}, no source positions unless set.
 * Immutable and serializable, like the runtime's.
 */
public record TestingWriterContext(String pipelineName, String sinkName, long batchTime, int partitionId, long attemptId,
        Map<String, Positions> positions) implements WriterContext, Serializable {
    private static final long serialVersionUID = 1L;

    public TestingWriterContext {
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(sinkName, "sinkName is null");
        positions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(positions, "positions is null")));
    }

    public static TestingWriterContext of(long batchTime, int partitionId, long attemptId) {
        return new TestingWriterContext("test-pipeline", "sinks[0]", batchTime, partitionId, attemptId, Map.of());
    }

    public TestingWriterContext withPipelineName(String name) {
        return new TestingWriterContext(name, sinkName, batchTime, partitionId, attemptId, positions);
    }

    public TestingWriterContext withSinkName(String name) {
        return new TestingWriterContext(pipelineName, name, batchTime, partitionId, attemptId, positions);
    }

    /** The same partition and batch, another attempt (a retry or a speculative copy). */
    public TestingWriterContext withAttemptId(long attempt) {
        return new TestingWriterContext(pipelineName, sinkName, batchTime, partitionId, attempt, positions);
    }

    public TestingWriterContext withPositions(Map<String, Positions> batchPositions) {
        return new TestingWriterContext(pipelineName, sinkName, batchTime, partitionId, attemptId, batchPositions);
    }
}
