package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * What a committed {@code file} sink writer tells the driver: which attempt file holds its partition.
 *
 * @param partitionId the partition written
 * @param file the attempt file's full path
 */
record FileSinkCommit(int partitionId, String file) implements Serializable {
    FileSinkCommit {
        requireNonNull(file, "file is null");
    }
}
