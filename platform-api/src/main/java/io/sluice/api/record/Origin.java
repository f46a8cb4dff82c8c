package io.sluice.api.record;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Where a record was read: the source's name in the pipeline, the partition within it
 * (a Kafka topic-partition, a file path, a shard) and the position in that partition.
 * Carried through every stage so a dead-lettered record can be found again at its source.
 *
 * @param source the source's name in the pipeline, never null
 * @param partition the partition within the source, never null (empty if the source has none)
 * @param offset the position within the partition, or {@code -1} if the source has none
 */
public record Origin(String source, String partition, long offset) implements Serializable {
    public Origin {
        requireNonNull(source, "source is null");
        requireNonNull(partition, "partition is null");
    }

    @Override
    public String toString() {
        return source + (partition.isEmpty() ? "" : "/" + partition) + (offset < 0 ? "" : "@" + offset);
    }
}
