package io.sluice.core.builtin.generator;

import java.io.Serializable;

/**
 * The half-open range of sequence numbers one partition of a batch generates. Only ranges are
 * parallelized from the driver; the records themselves are made on the executors.
 *
 * @param from the first sequence number
 * @param to one past the last sequence number
 */
record GeneratorRange(long from, long to) implements Serializable {
    GeneratorRange {
        if (from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is reversed");
        }
    }
}
