package io.sluice.core.plan;

import java.io.Serializable;

import org.apache.spark.api.java.JavaRDD;

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

    /** The outcomes' records, keeping the outcomes' partitioning (the pass's, which may keep its input's). */
    static JavaRDD<Record> records(JavaRDD<Outcome> outcomes) {
        return outcomes.mapPartitions(each -> new MappingIterator<>(each, Outcome::record), true);
    }
}
