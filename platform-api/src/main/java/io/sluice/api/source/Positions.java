package io.sluice.api.source;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a source is in each of its partitions: partition name (e.g. {@code log_topic-3}) to the
 * next position to read, both as text so any source can use them. Immutable; ordered by partition.
 */
public final class Positions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> next;

    private Positions(Map<String, String> next) {
        this.next = Collections.unmodifiableMap(new TreeMap<>(next));
    }

    /** Positions from a partition-to-next-position map; the map is copied. */
    public static Positions of(Map<String, String> next) {
        requireNonNull(next, "next is null");
        next.forEach((partition, position) -> {
            requireNonNull(partition, "partition is null");
            requireNonNull(position, "position of " + partition + " is null");
        });
        return new Positions(next);
    }

    /** The next position to read in a partition, if known. */
    public Optional<String> next(String partition) {
        return Optional.ofNullable(next.get(partition));
    }

    /** Every partition's next position, ordered by partition. */
    public Map<String, String> asMap() {
        return next;
    }

    public boolean isEmpty() {
        return next.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Positions that && next.equals(that.next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return next.toString();
    }
}
