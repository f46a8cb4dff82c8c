package io.sluice.core.runtime;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;

import org.apache.spark.streaming.util.WriteAheadLog;
import org.apache.spark.streaming.util.WriteAheadLogRecordHandle;

/**
 * Spark's driver write-ahead log ({@code spark.streaming.driver.writeAheadLog.class}) for a pipeline
 * whose sources have no receivers: it keeps nothing.
 *
 * <p>With a checkpoint directory set, Spark's receiver tracker logs which received blocks went into
 * which batch, so that a recovery can give a batch the same blocks again; it does so whether or not
 * any receiver exists, and writes a cleanup event every batch (a file write and flush on the
 * driver, and at each stop a warning on a local checkpoint, which cannot be appended to). Without
 * receivers there are no blocks, and a recovery reads back nothing it needs. The runner sets this
 * class only for such a pipeline; sources with receivers keep Spark's own log.
 */
public final class ReceiverlessDriverLog extends WriteAheadLog {
    private static final WriteAheadLogRecordHandle NOTHING_KEPT = new NothingKept();

    @Override
    public WriteAheadLogRecordHandle write(ByteBuffer record, long time) {
        return NOTHING_KEPT;
    }

    @Override
    public ByteBuffer read(WriteAheadLogRecordHandle handle) {
        // Spark reads the driver log only through readAll; no handle this log gave out has a record.
        throw new IllegalStateException("a pipeline without receivers keeps no driver log to read from");
    }

    @Override
    public Iterator<ByteBuffer> readAll() {
        return Collections.emptyIterator();
    }

    @Override
    public void clean(long threshTime, boolean waitForCompletion) {
    }

    @Override
    public void close() {
    }

    /** The handle of every write: Spark's tracker does not keep it. */
    private static final class NothingKept extends WriteAheadLogRecordHandle {
        private static final long serialVersionUID = 1L;
    }
}
