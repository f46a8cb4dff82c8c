package io.sluice.core.builtin.console;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * What one partition's writer hands the driver: its first records, already formatted, and how
 * many it saw in all.
 *
 * @param partitionId the partition, so the driver prints partitions in order
 * @param lines up to the sink's limit of formatted records
 * @param total how many records the partition held
 */
record ConsoleSinkPart(int partitionId, List<String> lines, long total) implements Serializable {
    ConsoleSinkPart {
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
    }
}
