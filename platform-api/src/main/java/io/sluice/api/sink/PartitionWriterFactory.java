package io.sluice.api.sink;

import java.io.IOException;
import java.io.Serializable;

/**
 * Creates a {@link PartitionWriter} for each partition of each batch attempt. Serialized into
 * Spark checkpoints and shipped to executors: holds configuration only; connections come from a
 * per-executor-JVM pool created lazily on first use and closed on shutdown.
 */
public interface PartitionWriterFactory extends Serializable {
    PartitionWriter create(WriterContext context) throws IOException;
}
