package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.WriterContext;

/**
 * Writes one partition of one batch in one transaction on a pooled connection, sending rows in
 * JDBC batches of {@code batch-size}; upserts keep only the last row per key within a JDBC batch
 * (PostgreSQL refuses a multi-row upsert that touches a key twice). With {@code exactly-once} a
 * batch whose marker is already committed is skipped from the start (a plain read, which never
 * waits); otherwise the marker is inserted at commit, with the rows and the source positions, in
 * one transaction. Claiming at commit rather than at the first write means two attempts of a batch
 * never wait on each other's marker while writing (Spark's speculative attempts, or a runner that
 * interleaves them on one thread): the second to commit finds the marker taken (waiting for the first
 * to end if it is still open), rolls its rows back and skips. Rows the database refuses are isolated
 * as described in {@link JdbcRowIsolation}. Used by one thread; not serialized.
 */
final class JdbcPartitionWriter implements PartitionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPartitionWriter.class);

    private final JdbcSinkOptions options;
    private final WriterContext context;
    private final boolean rowByRow;
    private final List<Integer> keyIndexes = new ArrayList<>();
    private final Map<Object, Object[]> buffer = new LinkedHashMap<>();
    private JdbcColumns columns;
    private Connection connection;
    private PreparedStatement statement;
    private boolean skipping;
    private long sequence;

    JdbcPartitionWriter(JdbcSinkOptions options, WriterContext context) {
        this.options = requireNonNull(options, "options is null");
        this.context = requireNonNull(context, "context is null");
        this.rowByRow = JdbcRowIsolation.isMarked(context.pipelineName(), context.sinkName(), context.batchTime());
    }

    @Override
    public void write(Record record) throws IOException {
        if (skipping) {
            return;
        }
        if (columns == null) {
            columns = JdbcColumns.of(options, record);
            for (String key : options.key()) {
                keyIndexes.add(columns.columns().indexOf(key));
            }
            if (options.createTable()) {
                try {
                    JdbcTables.ensure(options, columns, record);
                }
                catch (SQLException e) {
                    throw wrap("creating table [" + options.table() + "]", e);
                }
            }
        }
        Object[] row = columns.values(record);
        open();
        if (skipping) {
            return;
        }
        try {
            if (rowByRow) {
                writeAlone(row);
                return;
            }
            buffer.put(bufferKey(row), row);
            if (buffer.size() >= options.batchSize()) {
                flush();
            }
        }
        catch (SQLException e) {
            throw wrap("writing rows to [" + options.table() + "]", e);
        }
    }

    @Override
    public Serializable commit() throws IOException {
        try {
            open();
            if (skipping) {
                return null;
            }
            if (options.exactlyOnce() && !markers().claim(connection, context.batchTime(), System.currentTimeMillis())) {
                skipping = true;
                LOG.info("jdbc sink [{}]: batch {} was written to [{}] by another attempt; this one is rolled back",
                        context.sinkName(), context.batchTime(), options.table());
                return null;
            }
            flush();
            if (options.exactlyOnce()) {
                markers().store(connection, context.batchTime(), context.positions(),
                        context.batchTime() - options.markerRetention().toMillis());
            }
            connection.commit();
            JdbcRowIsolation.clear(context.pipelineName(), context.sinkName(), context.batchTime());
            return null;
        }
        catch (SQLException e) {
            throw wrap("committing batch " + context.batchTime() + " to [" + options.table() + "]", e);
        }
    }

    @Override
    public void abort() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        }
        catch (SQLException e) {
            // Best effort: a broken connection has no transaction left to undo.
            LOG.debug("jdbc sink: rollback failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (statement != null) {
                statement.close();
            }
        }
        catch (SQLException e) {
            LOG.debug("jdbc sink: closing a statement failed: {}", e.toString());
        }
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                throw new IOException("jdbc sink: returning a connection to the pool failed", e);
            }
        }
    }

    /** Takes a connection and, for exactly-once, sets {@link #skipping} if the batch was written before. */
    private void open() throws IOException {
        if (connection != null) {
            return;
        }
        try {
            connection = JdbcPools.connection(options.connection());
            if (options.exactlyOnce() && markers().isWritten(connection, context.batchTime())) {
                skipping = true;
                LOG.info("jdbc sink [{}]: batch {} is already in [{}]; skipped", context.sinkName(), context.batchTime(), options.table());
            }
        }
        catch (SQLException e) {
            throw wrap("opening a transaction on [" + options.connection().url().replaceAll("[?;].*", "") + "]", e);
        }
    }

    private JdbcBatchMarkers markers() {
        return new JdbcBatchMarkers(options.dialect(), context.pipelineName(), options.table());
    }

    private PreparedStatement statement() throws SQLException {
        if (statement == null) {
            String sql = options.mode() == JdbcMode.UPSERT
                    ? options.dialect().upsert(options.table(), columns.columns(), options.key())
                    : options.dialect().insert(options.table(), columns.columns());
            statement = connection.prepareStatement(sql);
        }
        return statement;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        PreparedStatement insert = statement();
        for (Object[] row : buffer.values()) {
            bind(insert, row);
            insert.addBatch();
        }
        try {
            insert.executeBatch();
        }
        catch (SQLException e) {
            if (!JdbcErrors.isRowRejection(e)) {
                throw e;
            }
            // Which row is at fault is unknown here; the runtime's retry finds it row by row.
            JdbcRowIsolation.mark(context.pipelineName(), context.sinkName(), context.batchTime());
            throw SluiceException.external("jdbc sink: [" + options.table() + "] refused a row of batch " + context.batchTime()
                    + " (SQLState [" + JdbcErrors.sqlState(e) + "]: " + e.getMessage()
                    + "); the batch is rolled back and retried row by row to set the refused rows aside", e);
        }
        buffer.clear();
    }

    /** Row-by-row mode: the row under its own savepoint, so a refused row is undone alone and reported as its record's. */
    private void writeAlone(Object[] row) throws SQLException {
        PreparedStatement insert = statement();
        Savepoint savepoint = connection.setSavepoint();
        try {
            bind(insert, row);
            insert.executeUpdate();
        }
        catch (SQLException e) {
            if (!JdbcErrors.isRowRejection(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            throw new RecordException("jdbc sink: [" + options.table() + "] refused the row (SQLState ["
                    + JdbcErrors.sqlState(e) + "]): " + e.getMessage(), e);
        }
        connection.releaseSavepoint(savepoint);
    }

    private void bind(PreparedStatement insert, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            options.dialect().bind(insert, i + 1, row[i]);
        }
    }

    /** For upserts the key's values, so a later row for the same key replaces the earlier one; otherwise unique. */
    private Object bufferKey(Object[] row) {
        if (options.mode() != JdbcMode.UPSERT) {
            return sequence++;
        }
        List<Object> key = new ArrayList<>(keyIndexes.size());
        for (int index : keyIndexes) {
            Object value = row[index];
            key.add(value instanceof byte[] bytes ? ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length)) : value);
        }
        return key;
    }

    private IOException wrap(String what, SQLException e) {
        Exception translated = JdbcErrors.translate(what, e);
        if (translated instanceof IOException io) {
            return io;
        }
        throw (SluiceException) translated;
    }
}
