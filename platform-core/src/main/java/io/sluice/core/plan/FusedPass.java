package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.LongAccumulator;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;

/**
 * Consecutive record steps run as one pass over a partition: each input record goes through
 * every step before the next is read, with no intermediate collections or Spark stages.
 *
 * <p>A step failure rejects the whole input record, and whatever earlier steps emitted for it is
 * discarded, so an input is either passed on, filtered out (no output) or dead-lettered, never
 * half of each. Counts are kept per partition and added to the accumulators once at its end.
 */
final class FusedPass implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<RecordStep> steps;
    private final boolean countsReads;

    FusedPass(List<RecordStep> steps, boolean countsReads) {
        this.steps = pruneOutputs(requireNonNull(steps, "steps is null"));
        this.countsReads = countsReads;
    }

    /**
     * Each step pruned for what the steps after it read, walking back from the pass's end, whose
     * readers (sinks, stream transforms, other passes) may read every field.
     */
    private static List<RecordStep> pruneOutputs(List<RecordStep> steps) {
        RecordStep[] pruned = new RecordStep[steps.size()];
        FieldSet needed = FieldSet.all();
        for (int i = steps.size() - 1; i >= 0; i--) {
            RecordStep step = steps.get(i);
            pruned[i] = new RecordStep(step.label(), step.function().pruneOutput(needed));
            needed = step.function().requiredFields(needed);
        }
        return List.of(pruned);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    List<RecordStep> steps() {
        return steps;
    }

    /**
     * Whether the pass's output over {@code input} is partitioned as {@code input} is: when that is
     * by key fields ({@link KeyedPartitioner}) whose values every step passes on unchanged.
     */
    boolean keepsPartitioningOf(JavaRDD<?> input) {
        Partitioner partitioner = input.partitioner().orNull();
        if (!(partitioner instanceof KeyedPartitioner keyed)) {
            return false;
        }
        List<String> keyFields = keyed.keyFields();
        return steps.stream().allMatch(step -> step.function() instanceof KeepsFieldValues keeps && keeps.keepsValuesOf(keyFields));
    }

    /** Runs the pass; the first bad record stops the partition with a {@link RecordFailureException}. */
    Iterator<Record> strict(Iterator<Record> input, Counters counters) {
        return new PassIterator<>(input, counters, Function.identity(), (record, failure) -> {
            throw new RecordFailureException(record, steps.get(failure.step).label(), failure.getCause());
        });
    }

    /** Runs the pass, turning bad records into dead letters for the batch at {@code batchTime}. */
    Iterator<Outcome> tolerant(Iterator<Record> input, Counters counters, long batchTime) {
        return new PassIterator<>(input, counters, record -> new Outcome(record, false),
                (record, failure) -> new Outcome(DeadLetters.of(record, steps.get(failure.step).label(), failure.getCause(), batchTime), true));
    }

    /** The accumulators a pass adds its counts to; captured per batch on the driver. */
    record Counters(LongAccumulator read, LongAccumulator filtered, LongAccumulator deadLettered) implements Serializable {
    }

    private interface FailureHandler<T> {
        T handle(Record input, StepFailure failure);
    }

    /** Marks which step failed; carries no stack trace of its own, as it is thrown per bad record. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int step;

        StepFailure(int step, Throwable cause) {
            super(null, cause, false, false);
            this.step = step;
        }
    }

    private final class PassIterator<T> implements Iterator<T> {
        private final Iterator<Record> input;
        private final Counters counters;
        private final Function<Record, T> passed;
        private final FailureHandler<T> failed;
        // The current input's outputs, served in order from nextEmitted; most inputs have one.
        // A list reused for every input rather than a queue per output: this is the per-record path.
        private final ArrayList<Record> emitted = new ArrayList<>();
        private int nextEmitted;
        // The current input's dead letter, when a step rejected it.
        private T rejected;
        private final Consumer<Record> head;
        private long read;
        private long filtered;
        private long deadLettered;
        private boolean flushed;

        PassIterator(Iterator<Record> input, Counters counters, Function<Record, T> passed, FailureHandler<T> failed) {
            this.input = input;
            this.counters = counters;
            this.passed = passed;
            this.failed = failed;
            Consumer<Record> next = emitted::add;
            for (int i = steps.size() - 1; i >= 0; i--) {
                next = stage(i, steps.get(i), next);
            }
            this.head = next;
        }

        private static Consumer<Record> stage(int index, RecordStep step, Consumer<Record> next) {
            return record -> {
                try {
                    step.function().apply(record, next);
                }
                catch (StepFailure failure) {
                    throw failure;
                }
                catch (Exception | LinkageError | StackOverflowError e) {
                    throw new StepFailure(index, e);
                }
            };
        }

        @Override
        public boolean hasNext() {
            while (rejected == null && nextEmitted == emitted.size()) {
                if (!input.hasNext()) {
                    flushCounts();
                    return false;
                }
                Record record = input.next();
                read++;
                emitted.clear();
                nextEmitted = 0;
                try {
                    head.accept(record);
                }
                catch (StepFailure failure) {
                    emitted.clear();
                    deadLettered++;
                    rejected = failed.handle(record, failure);
                    return true;
                }
                if (emitted.isEmpty()) {
                    filtered++;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T outcome = rejected;
            if (outcome != null) {
                rejected = null;
                return outcome;
            }
            return passed.apply(emitted.get(nextEmitted++));
        }

        private void flushCounts() {
            if (flushed) {
                return;
            }
            flushed = true;
            if (countsReads) {
                counters.read().add(read);
            }
            counters.filtered().add(filtered);
            counters.deadLettered().add(deadLettered);
        }
    }
}
