package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.api.source.Positions;

/**
 * A {@code jdbc} sink on the driver. Delivery: {@code exactly-once} makes it
 * {@link SinkDelivery#TRANSACTIONAL} (each batch written by one task, rows, marker and positions in
 * one transaction; see {@link JdbcBatchMarkers}); otherwise upserts are idempotent and appends append.
 */
final class JdbcSink implements Sink {
    private final JdbcSinkOptions options;
    private final String pipelineName;

    JdbcSink(JdbcSinkOptions options, String pipelineName) {
        this.options = requireNonNull(options, "options is null");
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
    }

    @Override
    public PartitionWriterFactory writerFactory() {
        return new JdbcWriterFactory(options);
    }

    @Override
    public SinkDelivery delivery() {
        if (options.exactlyOnce()) {
            return SinkDelivery.TRANSACTIONAL;
        }
        return switch (options.mode()) {
            case APPEND -> SinkDelivery.APPEND;
            case UPSERT -> SinkDelivery.IDEMPOTENT;
        };
    }

    @Override
    public String describe() {
        String rows = switch (options.mode()) {
            case APPEND -> "jdbc appends to [" + options.table() + "]";
            case UPSERT -> "jdbc upserts into [" + options.table() + "] by " + options.key();
        };
        return options.exactlyOnce() ? rows + " with source positions in the same transaction" : rows;
    }

    @Override
    public void prepare() throws IOException {
        if (options.exactlyOnce()) {
            createMarkerTables();
        }
    }

    @Override
    public Optional<Positions> storedPositions(String sourceName) throws IOException {
        if (!options.exactlyOnce()) {
            return Optional.empty();
        }
        createMarkerTables();
        try (Connection connection = JdbcPools.connection(options.connection())) {
            Optional<Positions> positions = new JdbcBatchMarkers(options.dialect(), pipelineName, options.table()).read(connection, sourceName);
            connection.rollback();
            return positions;
        }
        catch (SQLException e) {
            throw io(JdbcErrors.translate("reading stored positions", e));
        }
    }

    @Override
    public boolean requiresSinglePartition() {
        return options.exactlyOnce();
    }

    private void createMarkerTables() throws IOException {
        try (Connection connection = JdbcPools.connection(options.connection())) {
            connection.setAutoCommit(true);
            new JdbcBatchMarkers(options.dialect(), pipelineName, options.table()).createTables(connection);
        }
        catch (SQLException e) {
            throw io(JdbcErrors.translate("creating tables [" + JdbcBatchMarkers.BATCHES + "] and [" + JdbcBatchMarkers.POSITIONS + "]", e));
        }
    }

    private static IOException io(Exception translated) {
        if (translated instanceof IOException e) {
            return e;
        }
        throw (SluiceException) translated;
    }

    @Override
    public String toString() {
        return "JdbcSink" + options;
    }
}
