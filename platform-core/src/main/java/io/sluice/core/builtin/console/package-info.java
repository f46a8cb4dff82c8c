/**
 * The {@code console} sink: prints the first records of each batch to standard output under a
 * header naming the batch, like Spark's {@code DStream.print()}, for trying pipelines out.
 */
package io.sluice.core.builtin.console;
