package io.sluice.hbase;

import java.util.Map;

import io.sluice.api.sink.WriterContext;
import io.sluice.api.source.Positions;

/** A writer context for driving writers directly, as the runtime's batch job does. */
record TestingWriterContext(String pipelineName, String sinkName, long batchTime, int partitionId, long attemptId,
        Map<String, Positions> positions) implements WriterContext {
}
