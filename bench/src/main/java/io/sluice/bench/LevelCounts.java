package io.sluice.bench;

import java.util.Map;
import java.util.TreeMap;

/** Lines counted per level; the one figure every variant must agree on. Not thread-safe. */
public final class LevelCounts {
    private final TreeMap<String, Long> counts = new TreeMap<>();

    public static LevelCounts of(Map<String, Long> counts) {
        LevelCounts result = new LevelCounts();
        counts.forEach(result::add);
        return result;
    }

    public void add(String level, long count) {
        counts.merge(level, count, Long::sum);
    }

    public void addAll(LevelCounts other) {
        other.counts.forEach(this::add);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sorted by level name, so equal counts print and compare alike. */
    public Map<String, Long> asMap() {
        return new TreeMap<>(counts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LevelCounts that && counts.equals(that.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
