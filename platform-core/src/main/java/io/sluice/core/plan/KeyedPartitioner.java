package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.Partitioner;

/**
 * Places a group by the hash of its key, the values of {@link #keyFields()} in order, as Spark's
 * {@code HashPartitioner} does, but names the fields: on an RDD of records (kept there with
 * {@code preservesPartitioning}) it says that every record sits in the partition of its key
 * fields' values. Grouping such records again by the same fields, and with as many partitions,
 * then needs no shuffle, as after the per-batch count that a window sums. Record steps in
 * between keep the claim only when they keep those values ({@link KeepsFieldValues}).
 *
 * <p>Equal when the fields and the partition count are; saved with Spark's checkpoints (by Java
 * serialization and Kryo, hence the plain array).
 */
public final class KeyedPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final String[] keyFields;
    private final int partitions;

    public KeyedPartitioner(List<String> keyFields, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        this.keyFields = requireNonNull(keyFields, "keyFields is null").toArray(new String[0]);
        this.partitions = partitions;
    }

    public List<String> keyFields() {
        return List.of(keyFields);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    /** The partition of a key whose {@code hashCode} is that of its field values, as every group key's is. */
    @Override
    public int getPartition(Object key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyedPartitioner that && partitions == that.partitions && Arrays.equals(keyFields, that.keyFields);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keyFields) + partitions;
    }

    @Override
    public String toString() {
        return "KeyedPartitioner" + Arrays.toString(keyFields) + " over " + partitions;
    }
}
