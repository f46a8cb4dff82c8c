/**
 * In-memory {@code memory} source and sink plugins for tests running embedded Spark
 * ({@code local[N]}): tests feed batches to a named stream and read what a sink received per
 * batch through {@link io.sluice.testkit.memory.MemoryStreams}. Driver and executors must share
 * one JVM, so these are for local mode only.
 */
package io.sluice.testkit.memory;
