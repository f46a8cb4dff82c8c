package io.sluice.api.sink;

import java.io.IOException;
import java.io.Serializable;

import io.sluice.api.record.Record;

/**
 * Writes one partition of one batch. Created on an executor by a {@link PartitionWriterFactory},
 * used by one thread, never serialized. Lifecycle: {@link #write}* then {@link #commit} or
 * {@link #abort}, then {@link #close}. A failed {@code write} or {@code commit} is followed by
 * {@code abort}. A retried or speculative attempt gets a new writer with a new attempt id, so
 * writes must be idempotent by batch time or transactional.
 */
public interface PartitionWriter extends AutoCloseable {
    /**
     * Writes (or buffers) one record. Records are immutable and not reused; buffering them is safe.
     * Throw {@link io.sluice.api.error.RecordException} for a record the target rejects on its own
     * merits: the runtime dead-letters it (when tolerated) and goes on.
     */
    void write(Record record) throws IOException;

    /**
     * Makes the partition's writes durable. Returns a message for {@link Sink#commitBatch}, or null.
     */
    Serializable commit() throws IOException;

    /** Undoes what can be undone, best effort; must not throw for a partially written partition. */
    void abort() throws IOException;

    /** Releases resources (returns pooled connections). Called after commit or abort. */
    @Override
    void close() throws IOException;
}
