package io.sluice.core.plan;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;

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

    /** The records passed on, keeping the outcomes' partitioning (the pass's, which may keep its input's). */
    static JavaRDD<Record> records(JavaRDD<Outcome> outcomes) {
        return Rdds.mapPartitions(outcomes, each -> new RecordsOf(each, false), true);
    }

    /** The dead letters' records. */
    static JavaRDD<Record> deadLetters(JavaRDD<Outcome> outcomes) {
        return Rdds.mapPartitions(outcomes, each -> new RecordsOf(each, true), false);
    }

    /** The records of the outcomes that are, or are not, dead letters. */
    private static final class RecordsOf implements Iterator<Record> {
        private final Iterator<Outcome> outcomes;
        private final boolean deadLetters;
        private Record next;

        RecordsOf(Iterator<Outcome> outcomes, boolean deadLetters) {
            this.outcomes = outcomes;
            this.deadLetters = deadLetters;
        }

        @Override
        public boolean hasNext() {
            while (next == null && outcomes.hasNext()) {
                Outcome outcome = outcomes.next();
                if (outcome.deadLetter == deadLetters) {
                    next = outcome.record;
                }
            }
            return next != null;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = next;
            next = null;
            return record;
        }
    }
}
