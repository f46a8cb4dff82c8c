package io.sluice.core.builtin.aggregate;

import java.io.Serializable;
import java.util.List;

/**
 * The partial aggregate of some rows of one group: the row count and, per aggregate, its
 * running value (a sum, min or max), how many non-null inputs it saw, and whether any was
 * fractional (so sums of whole numbers come out as whole numbers). Immutable.
 */
public final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final double[] values;
    private final long[] counts;
    private final boolean[] fractional;

    Partial(long rows, double[] values, long[] counts, boolean[] fractional) {
        this.rows = rows;
        this.values = values;
        this.counts = counts;
        this.fractional = fractional;
    }

    public long rows() {
        return rows;
    }

    double value(int index) {
        return values[index];
    }

    long count(int index) {
        return counts[index];
    }

    boolean fractional(int index) {
        return fractional[index];
    }

    int width() {
        return values.length;
    }

    /** Combines two partials of the same group. */
    static Partial merge(Partial a, Partial b, List<AggregateSpec> specs) {
        int width = a.values.length;
        double[] values = new double[width];
        long[] counts = new long[width];
        boolean[] fractional = new boolean[width];
        for (int i = 0; i < width; i++) {
            counts[i] = a.counts[i] + b.counts[i];
            fractional[i] = a.fractional[i] || b.fractional[i];
            values[i] = switch (specs.get(i).function()) {
                case COUNT, SUM, AVG -> a.values[i] + b.values[i];
                case MIN -> a.counts[i] == 0 ? b.values[i] : b.counts[i] == 0 ? a.values[i] : Math.min(a.values[i], b.values[i]);
                case MAX -> a.counts[i] == 0 ? b.values[i] : b.counts[i] == 0 ? a.values[i] : Math.max(a.values[i], b.values[i]);
            };
        }
        return new Partial(a.rows + b.rows, values, counts, fractional);
    }

    /** Takes {@code b}'s rows back out of {@code a}; only for invertible aggregates. */
    static Partial subtract(Partial a, Partial b) {
        int width = a.values.length;
        double[] values = new double[width];
        long[] counts = new long[width];
        for (int i = 0; i < width; i++) {
            values[i] = a.values[i] - b.values[i];
            counts[i] = a.counts[i] - b.counts[i];
        }
        return new Partial(a.rows - b.rows, values, counts, a.fractional.clone());
    }

    /**
     * Builds one partial row by row, in place: what a partition's combining does per record,
     * without a partial and its arrays per row. Not thread-safe; {@link #toPartial} ends its use.
     */
    static final class Accumulator {
        private final List<AggregateSpec> specs;
        private long rows;
        private final double[] values;
        private final long[] counts;
        private final boolean[] fractional;

        Accumulator(List<AggregateSpec> specs) {
            this.specs = specs;
            this.values = new double[specs.size()];
            this.counts = new long[specs.size()];
            this.fractional = new boolean[specs.size()];
        }

        void addRow() {
            rows++;
        }

        /** Adds one non-null input of aggregate {@code index}. */
        void add(int index, double value, boolean isFractional) {
            values[index] = counts[index] == 0 ? value : switch (specs.get(index).function()) {
                case COUNT, SUM, AVG -> values[index] + value;
                case MIN -> Math.min(values[index], value);
                case MAX -> Math.max(values[index], value);
            };
            counts[index]++;
            fractional[index] |= isFractional;
        }

        Partial toPartial() {
            return new Partial(rows, values, counts, fractional);
        }
    }

    @Override
    public String toString() {
        return "Partial{rows=" + rows + ", values=" + java.util.Arrays.toString(values) + "}";
    }
}
