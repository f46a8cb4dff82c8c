package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Each element of another iterator, mapped. For {@code mapPartitions(..., preservesPartitioning)},
 * the one-to-one map of Spark's RDD API that can keep a {@link KeyedPartitioner}.
 */
public final class MappingIterator<T, R> implements Iterator<R> {
    private final Iterator<T> input;
    private final Function<? super T, ? extends R> mapping;

    public MappingIterator(Iterator<T> input, Function<? super T, ? extends R> mapping) {
        this.input = requireNonNull(input, "input is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
    }

    @Override
    public boolean hasNext() {
        return input.hasNext();
    }

    @Override
    public R next() {
        return mapping.apply(input.next());
    }
}
