/**
 * Sinks. The chain reads like Spark's DataSource V2 writers: a {@link io.sluice.api.sink.SinkFactory}
 * (driver, one per type) creates a {@link io.sluice.api.sink.Sink} (driver, one per use), whose
 * serializable {@link io.sluice.api.sink.PartitionWriterFactory} is shipped to executors and creates
 * one {@link io.sluice.api.sink.PartitionWriter} per partition and batch attempt. The runtime drives
 * retries, metrics and the dead-letter path; a sink only writes.
 */
package io.sluice.api.sink;
