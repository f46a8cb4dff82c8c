package io.sluice.core.builtin.file;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

/**
 * Hadoop's text format, but one split per file, so each split starts at line 1 and records can
 * carry true line numbers. The price is that one large file is read by one task; files dropped
 * into a watched directory are usually many and small, which Spark parallelizes across.
 * Public with a public constructor because Hadoop instantiates it by reflection.
 */
public final class FileSourceTextInputFormat extends TextInputFormat {
    @Override
    protected boolean isSplitable(JobContext context, Path file) {
        return false;
    }
}
