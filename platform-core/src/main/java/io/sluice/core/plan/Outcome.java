package io.sluice.core.plan;

import java.io.Serializable;

import io.sluice.api.record.Record;

/**
 * What a fused pass made of one input: a record to pass on, or a dead letter. A pass emits
 * outcomes only when bad records are tolerated; the planner splits them into two streams.
 */
record Outcome(Record record, boolean deadLetter) implements Serializable {
}
