/**
 * The {@code file} source: text files that appear in a directory of any Hadoop file system, one
 * record per line, on Spark's file stream. Replayable: files stay where they are, and the stream
 * remembers in the checkpoint which files each batch read.
 */
package io.sluice.core.builtin.file;
