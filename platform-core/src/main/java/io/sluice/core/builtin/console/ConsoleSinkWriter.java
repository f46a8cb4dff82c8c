package io.sluice.core.builtin.console;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;

/**
 * Keeps the first records of one partition, formatted, and counts the rest. Prints nothing itself:
 * the driver prints the batch, so output is in partition order and never interleaved.
 * Used by one task thread on an executor.
 */
final class ConsoleSinkWriter implements PartitionWriter {
    private final ConsoleSinkOptions options;
    private final int partitionId;
    private final List<String> lines = new ArrayList<>();
    private long total;

    ConsoleSinkWriter(ConsoleSinkOptions options, int partitionId) {
        this.options = requireNonNull(options, "options is null");
        this.partitionId = partitionId;
    }

    @Override
    public void write(Record record) {
        total++;
        if (lines.size() < options.limit()) {
            lines.add(options.format().format(record));
        }
    }

    @Override
    public Serializable commit() {
        return new ConsoleSinkPart(partitionId, lines, total);
    }

    @Override
    public void abort() {
        lines.clear();
    }

    @Override
    public void close() {
    }
}
