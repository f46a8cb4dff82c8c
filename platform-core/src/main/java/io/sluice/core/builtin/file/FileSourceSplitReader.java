package io.sluice.core.builtin.file;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Iterator;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.function.Function2;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import scala.Tuple2;

/**
 * Turns the lines of one file split into records on the executor, with the file's path as the
 * origin partition and the line number (from 1) as the offset. Splits are whole files (see
 * {@link FileSourceTextInputFormat}), so counting lines within the split counts them in the file.
 */
final class FileSourceSplitReader implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Record>> {
    private static final long serialVersionUID = 1L;

    private final String sourceName;

    FileSourceSplitReader(String sourceName) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
    }

    @Override
    public Iterator<Record> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
        String file = ((FileSplit) split).getPath().toString();
        return new Iterator<>() {
            private long lineNumber;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Record next() {
                Text line = lines.next()._2();
                lineNumber++;
                // Hadoop reuses the Text object: copy its valid bytes now.
                byte[] payload = Arrays.copyOf(line.getBytes(), line.getLength());
                return Record.builder()
                        .payload(payload)
                        .origin(new Origin(sourceName, file, lineNumber))
                        .build();
            }
        };
    }

}
