package io.sluice.core.builtin;

import java.io.Serializable;
import java.util.Map;

import io.sluice.api.sink.WriterContext;
import io.sluice.api.source.Positions;

/** A {@link WriterContext} as the runtime would create for one partition attempt of one batch. */
public record TestingWriterContext(String pipelineName, String sinkName, long batchTime, int partitionId, long attemptId,
        Map<String, Positions> positions) implements WriterContext, Serializable {
    public static TestingWriterContext of(long batchTime, int partitionId, long attemptId) {
        return new TestingWriterContext("test-pipeline", "sinks[0]", batchTime, partitionId, attemptId, Map.of());
    }
}
