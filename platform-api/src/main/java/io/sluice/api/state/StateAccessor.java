package io.sluice.api.state;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import io.sluice.api.record.Record;

/**
 * Reads and writes the state of one partition's keys for one batch. Used by one task thread,
 * never serialized. Lifecycle: {@link #read} once, {@link #write} once, {@link #close}; a task
 * that fails between them just closes. A retried or speculative task opens a new accessor.
 */
public interface StateAccessor extends AutoCloseable {
    /** Reads the stored state of the given keys in one round trip; absent keys are left out of the map. */
    Map<String, StoredState> read(Collection<String> keys) throws IOException;

    /**
     * Writes new states for the batch at {@code batchTime} in one round trip. For each key the
     * write must be atomic with a check of the stored batch time: a key whose stored state was
     * written by this batch or a later one is left as it is, so a replayed or speculative batch
     * is never applied twice.
     *
     * @param states new state per key
     * @param removed keys whose state ends with this batch
     */
    void write(Map<String, Record> states, Collection<String> removed, long batchTime) throws IOException;

    /** Returns pooled connections; must not throw for a partially used accessor. */
    @Override
    void close() throws IOException;
}
