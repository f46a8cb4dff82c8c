package io.sluice.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batches of this JVM whose next attempt must write row by row. A JDBC batch that the database
 * refuses for one row's data fails as a whole and, on PostgreSQL, aborts the transaction, so the
 * refused row cannot be told apart from its neighbours, and a {@code RecordException} from
 * {@code write} would name the wrong record. So the attempt rolls back and fails as retriable, and
 * its batch is noted here; the runtime's retry then writes each row under its own savepoint, rolls
 * back only a refused row, reports exactly that record, and commits the rest (with the positions)
 * in one transaction. A retry that runs in another executor JVM finds no note and repeats the
 * discovery once there. Thread-safe; entries leave when the batch commits.
 */
final class JdbcRowIsolation {
    private static final int MAX_ENTRIES = 10_000;
    private static final Set<String> BATCHES = ConcurrentHashMap.newKeySet();

    private JdbcRowIsolation() {}

    static void mark(String pipeline, String sink, long batchTime) {
        if (BATCHES.size() >= MAX_ENTRIES) {
            // Only stale entries of failed pipelines pile up; losing a note costs one extra retry.
            BATCHES.clear();
        }
        BATCHES.add(key(pipeline, sink, batchTime));
    }

    static boolean isMarked(String pipeline, String sink, long batchTime) {
        return BATCHES.contains(key(pipeline, sink, batchTime));
    }

    static void clear(String pipeline, String sink, long batchTime) {
        BATCHES.remove(key(pipeline, sink, batchTime));
    }

    private static String key(String pipeline, String sink, long batchTime) {
        return pipeline + '\u0000' + sink + '\u0000' + batchTime;
    }
}
