/**
 * The {@code hbase} sink: one row per record, its key from a template over fields, its cells in one
 * column family stamped with the batch time, written through a BufferedMutator per partition on a
 * connection shared per JVM. A replayed batch rewrites the same cells rather than adding versions.
 */
package io.sluice.hbase;
