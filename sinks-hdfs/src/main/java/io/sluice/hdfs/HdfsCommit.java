package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * What a partition writer committed: its attempt directory and the partition directories it wrote
 * under it (one file each), for the driver to move into place.
 *
 * @param partitionId the Spark partition
 * @param attempt the attempt directory URI
 * @param partitionDirectories the partition directories written, {@code ""} for none
 */
record HdfsCommit(int partitionId, String attempt, List<String> partitionDirectories) implements Serializable {
    HdfsCommit {
        requireNonNull(attempt, "attempt is null");
        partitionDirectories = List.copyOf(requireNonNull(partitionDirectories, "partitionDirectories is null"));
    }
}
