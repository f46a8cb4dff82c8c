/**
 * The {@code file} sink: each batch as a directory {@code batch-<epochMillis>} of part files
 * ({@code jsonl} or {@code csv}, optionally gzip-compressed) on any Hadoop file system. Writers
 * write attempt files under {@code _temporary}; the driver moves the committed ones into place,
 * replacing an earlier copy of the batch, and marks the directory with {@code _SUCCESS}, so a
 * replayed batch replaces its output instead of duplicating it.
 */
package io.sluice.core.builtin.filesink;
