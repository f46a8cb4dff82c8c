package io.sluice.core.builtin.file;

import static java.util.Objects.requireNonNull;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairInputDStream;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.record.Record;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;

/**
 * A {@code file} source on the driver. Spark's file stream lists the directory each batch and
 * keeps the files each batch read in the checkpoint, so a recovered pipeline re-reads exactly
 * those files for the batches it replays; no separate positions are tracked.
 */
public final class FileSource implements Source {
    private final FileSourceOptions options;

    FileSource(FileSourceOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public JavaDStream<Record> open(SourceContext context) {
        requireNonNull(context, "context is null");
        JavaPairInputDStream<LongWritable, Text> lines = context.streamingContext().fileStream(
                options.path(),
                LongWritable.class,
                Text.class,
                FileSourceTextInputFormat.class,
                new FileSourceNameFilter(options),
                options.newFilesOnly());
        return lines.transform(new FileSourceBatchReader(context.sourceName()));
    }

    @Override
    public SourceDelivery delivery() {
        return SourceDelivery.REPLAYABLE;
    }

    @Override
    public String toString() {
        return "FileSource" + options;
    }
}
