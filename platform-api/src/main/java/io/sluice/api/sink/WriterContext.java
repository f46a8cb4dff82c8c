package io.sluice.api.sink;

import java.util.Map;

import io.sluice.api.source.Positions;

/** Which partition of which batch a writer writes, and the batch's source positions. Serializable by the runtime. */
public interface WriterContext {
    String pipelineName();

    /** The sink's name in the pipeline, e.g. {@code sinks[0]}. */
    String sinkName();

    /** The batch time, epoch millis: the same for every attempt of a batch, so it keys idempotent writes. */
    long batchTime();

    int partitionId();

    /** Distinguishes retried and speculative attempts of the same partition. */
    long attemptId();

    /**
     * The positions every source will have reached once this batch is done, by source name, for
     * sinks that store them transactionally with the data. Empty for sources without positions.
     */
    Map<String, Positions> positions();
}
