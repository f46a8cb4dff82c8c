package io.sluice.core.runtime;

import java.io.Serializable;
import java.util.List;

import io.sluice.api.record.Record;

/**
 * What one partition's writer sends back to the driver: its commit message, the dead letters of
 * records the target rejected one by one, and how many records it wrote. A class, not a Java
 * record: task results go through Spark's Kryo, which cannot serialize records.
 */
final class PartitionResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Serializable commitMessage;
    private final List<Record> rejected;
    private final long written;

    PartitionResult(Serializable commitMessage, List<Record> rejected, long written) {
        this.commitMessage = commitMessage;
        this.rejected = rejected;
        this.written = written;
    }

    Serializable commitMessage() {
        return commitMessage;
    }

    List<Record> rejected() {
        return rejected;
    }

    long written() {
        return written;
    }
}
