package io.sluice.core.builtin.generator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.sluice.api.source.Positions;
import io.sluice.api.source.SourcePositions;

/**
 * The generator's positions: one partition, {@value GeneratorSource#PARTITION}, whose position is
 * the next sequence number. Filled by {@link GeneratorInputDStream#compute} as batches are
 * generated (again after a recovery, when Spark regenerates the batches it replays). There is no
 * external system to commit to; committing only forgets old batches.
 */
final class GeneratorPositions implements SourcePositions {
    private static final long serialVersionUID = 1L;

    // Transient: per-batch state is rebuilt by compute() after a checkpoint recovery, as the
    // SourcePositions contract asks. Guarded by being a concurrent map; created lazily since
    // deserialization leaves transient fields null.
    private transient volatile ConcurrentNavigableMap<Long, Long> nextByBatch;

    void record(long batchTime, long nextSequence) {
        batches().put(batchTime, nextSequence);
    }

    @Override
    public Optional<Positions> positionsOf(long batchTime) {
        Long next = batches().get(batchTime);
        return next == null
                ? Optional.empty()
                : Optional.of(Positions.of(Map.of(GeneratorSource.PARTITION, String.valueOf(next))));
    }

    @Override
    public void commit(long batchTime) {
        batches().headMap(batchTime, true).clear();
    }

    private ConcurrentNavigableMap<Long, Long> batches() {
        ConcurrentNavigableMap<Long, Long> batches = nextByBatch;
        if (batches == null) {
            synchronized (this) {
                batches = nextByBatch;
                if (batches == null) {
                    batches = new ConcurrentSkipListMap<>();
                    nextByBatch = batches;
                }
            }
        }
        return batches;
    }

    @Override
    public String toString() {
        return "GeneratorPositions" + batches();
    }
}
