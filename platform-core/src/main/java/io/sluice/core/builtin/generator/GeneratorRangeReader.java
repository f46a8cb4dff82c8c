package io.sluice.core.builtin.generator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.FlatMapFunction;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;

/**
 * Turns one {@link GeneratorRange} into its records, lazily, on the executor: a partition of a
 * million records never exists in memory at once.
 */
final class GeneratorRangeReader implements FlatMapFunction<GeneratorRange, Record> {
    private static final long serialVersionUID = 1L;

    private final GeneratorLines lines;
    private final String sourceName;

    GeneratorRangeReader(GeneratorLines lines, String sourceName) {
        this.lines = requireNonNull(lines, "lines is null");
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
    }

    @Override
    public Iterator<Record> call(GeneratorRange range) {
        return new Iterator<>() {
            private long next = range.from();

            @Override
            public boolean hasNext() {
                return next < range.to();
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long sequence = next++;
                return record(sequence);
            }
        };
    }

    /** Record number {@code sequence}: payload is the line, event time its timestamp. */
    Record record(long sequence) {
        return Record.builder()
                .payload(lines.line(sequence).getBytes(StandardCharsets.UTF_8))
                .eventTime(lines.timestampOf(sequence))
                .origin(new Origin(sourceName, GeneratorSource.PARTITION, sequence))
                .build();
    }
}
