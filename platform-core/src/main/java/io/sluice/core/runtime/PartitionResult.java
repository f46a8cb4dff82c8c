package io.sluice.core.runtime;

import java.io.Serializable;
import java.util.List;

import io.sluice.api.record.Record;

/**
 * What one partition's writer sends back to the driver: its commit message, the dead letters of
 * records the target rejected one by one, and how many records it wrote.
 */
record PartitionResult(Serializable commitMessage, List<Record> rejected, long written) implements Serializable {
}
