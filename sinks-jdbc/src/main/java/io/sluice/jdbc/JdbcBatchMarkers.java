package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sluice.api.source.Positions;

/**
 * The two tables that make {@code exactly-once} work, in the target database next to the data:
 * <ul>
 * <li>{@code sluice_batches(pipeline, sink, batch_time)}: one marker per written batch, inserted at
 *     commit in the batch's transaction: a second attempt of the same batch that commits while the
 *     first is open waits on that key's lock, then finds it taken and rolls back;</li>
 * <li>{@code sluice_positions(pipeline, sink, source, partition_name, position, batch_time)}: each
 *     source's next positions after the last written batch, replaced in the same transaction and
 *     read back on start.</li>
 * </ul>
 * {@code sink} is the target table's name as configured, so reordering a pipeline's sinks keeps
 * their markers. Statements only; the caller owns the connection and the transaction.
 */
final class JdbcBatchMarkers {
    static final String BATCHES = "sluice_batches";
    static final String POSITIONS = "sluice_positions";
    private static final List<String> POSITION_COLUMNS = List.of("pipeline", "sink", "source", "partition_name", "position", "batch_time");
    private static final List<String> POSITION_KEY = List.of("pipeline", "sink", "source", "partition_name");

    private final JdbcDialect dialect;
    private final String pipeline;
    private final String sink;

    JdbcBatchMarkers(JdbcDialect dialect, String pipeline, String sink) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Creates both tables if missing; run with auto-commit on (MariaDB commits DDL implicitly anyway). */
    void createTables(Connection connection) throws SQLException {
        String name = dialect == JdbcDialect.MARIADB ? "VARCHAR(190)" : "VARCHAR(255)";
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.createTable(BATCHES, List.of("pipeline", "sink", "batch_time", "written_at"),
                    List.of(name, name, "BIGINT", "BIGINT"), List.of("pipeline", "sink", "batch_time")));
            statement.execute(dialect.createTable(POSITIONS, POSITION_COLUMNS,
                    List.of(name, name, name, name, dialect == JdbcDialect.MARIADB ? "VARCHAR(1000)" : "VARCHAR(4000)", "BIGINT"),
                    POSITION_KEY));
        }
    }

    /** Whether the batch's marker is committed; a plain read that never waits on an open attempt. */
    boolean isWritten(Connection connection, long batchTime) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + dialect.quote(BATCHES) + " WHERE "
                + dialect.quote("pipeline") + " = ? AND " + dialect.quote("sink") + " = ? AND " + dialect.quote("batch_time") + " = ?")) {
            select.setString(1, pipeline);
            select.setString(2, sink);
            select.setLong(3, batchTime);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Inserts the batch's marker. Returns false, with the transaction rolled back, when the batch
     * was already written (its marker exists).
     */
    boolean claim(Connection connection, long batchTime, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                dialect.insert(BATCHES, List.of("pipeline", "sink", "batch_time", "written_at")))) {
            insert.setString(1, pipeline);
            insert.setString(2, sink);
            insert.setLong(3, batchTime);
            insert.setLong(4, now);
            insert.executeUpdate();
            return true;
        }
        catch (SQLException e) {
            if (!JdbcErrors.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback();
            return false;
        }
    }

    /** Replaces the stored positions with the batch's, and drops markers older than {@code keepSince}. */
    void store(Connection connection, long batchTime, Map<String, Positions> positions, long keepSince) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(dialect.upsert(POSITIONS, POSITION_COLUMNS, POSITION_KEY))) {
            int rows = 0;
            for (Map.Entry<String, Positions> source : positions.entrySet()) {
                for (Map.Entry<String, String> partition : source.getValue().asMap().entrySet()) {
                    upsert.setString(1, pipeline);
                    upsert.setString(2, sink);
                    upsert.setString(3, source.getKey());
                    upsert.setString(4, partition.getKey());
                    upsert.setString(5, partition.getValue());
                    upsert.setLong(6, batchTime);
                    upsert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                upsert.executeBatch();
            }
        }
        try (PreparedStatement prune = connection.prepareStatement("DELETE FROM " + dialect.quote(BATCHES) + " WHERE "
                + dialect.quote("pipeline") + " = ? AND " + dialect.quote("sink") + " = ? AND " + dialect.quote("batch_time") + " < ?")) {
            prune.setString(1, pipeline);
            prune.setString(2, sink);
            prune.setLong(3, keepSince);
            prune.executeUpdate();
        }
    }

    /** The positions stored for a source, if any. */
    Optional<Positions> read(Connection connection, String source) throws SQLException {
        Map<String, String> next = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + dialect.quote("partition_name") + ", "
                + dialect.quote("position") + " FROM " + dialect.quote(POSITIONS) + " WHERE " + dialect.quote("pipeline") + " = ? AND "
                + dialect.quote("sink") + " = ? AND " + dialect.quote("source") + " = ?")) {
            select.setString(1, pipeline);
            select.setString(2, sink);
            select.setString(3, source);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    next.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return next.isEmpty() ? Optional.empty() : Optional.of(Positions.of(next));
    }
}
