package io.sluice.core.plan;

import java.io.Serializable;

import io.sluice.api.record.Record;

/**
 * What a fused pass made of one input: a record to pass on, or a dead letter. A pass emits
 * outcomes only when bad records are tolerated; the planner splits them into two streams.
 * A class, not a Java record: Spark's Kryo cannot serialize records.
 */
final class Outcome implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Record record;
    private final boolean deadLetter;

    Outcome(Record record, boolean deadLetter) {
        this.record = record;
        this.deadLetter = deadLetter;
    }

    Record record() {
        return record;
    }

    boolean deadLetter() {
        return deadLetter;
    }
}
