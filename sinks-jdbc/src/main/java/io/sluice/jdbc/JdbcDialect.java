package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;

import io.sluice.api.record.FieldType;

/**
 * What differs between the databases the {@code jdbc} sink speaks to: identifier quoting, the
 * upsert statement, column types for {@code create-table}, and how a timestamp is bound. Chosen
 * from the JDBC URL's sub-protocol.
 */
enum JdbcDialect {
    /** {@code INSERT ... ON CONFLICT (key) DO UPDATE}; batched inserts rewritten to multi-row inserts. */
    POSTGRESQL('"', "TEXT", "BIGINT", "DOUBLE PRECISION", "BOOLEAN", "TIMESTAMP WITH TIME ZONE", "BYTEA"),
    /** {@code INSERT ... ON DUPLICATE KEY UPDATE}; MySQL understands the same statements. */
    MARIADB('`', "TEXT", "BIGINT", "DOUBLE", "BOOLEAN", "DATETIME(3)", "LONGBLOB"),
    /** {@code MERGE INTO ... KEY (...)}. */
    H2('"', "VARCHAR", "BIGINT", "DOUBLE PRECISION", "BOOLEAN", "TIMESTAMP WITH TIME ZONE", "VARBINARY");

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);

    private final char quote;
    private final String stringType;
    private final String longType;
    private final String doubleType;
    private final String booleanType;
    private final String timestampType;
    private final String bytesType;

    JdbcDialect(char quote, String stringType, String longType, String doubleType, String booleanType, String timestampType,
            String bytesType) {
        this.quote = quote;
        this.stringType = stringType;
        this.longType = longType;
        this.doubleType = doubleType;
        this.booleanType = booleanType;
        this.timestampType = timestampType;
        this.bytesType = bytesType;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException for a database the sink does not know
     */
    static JdbcDialect fromUrl(String url) {
        requireNonNull(url, "url is null");
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("expected a jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2: URL");
    }

    /** A quoted identifier; {@code schema.table} is quoted part by part. Names are checked by the options. */
    String quote(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (!quoted.isEmpty()) {
                quoted.append('.');
            }
            quoted.append(quote).append(part).append(quote);
        }
        return quoted.toString();
    }

    /** {@code INSERT INTO table (columns) VALUES (?, ...)}. */
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + quote(table) + " (" + columnList(columns) + ") VALUES (" + placeholders(columns.size()) + ")";
    }

    /** An insert that replaces the row with the same key; binds the same parameters as {@link #insert}. */
    String upsert(String table, List<String> columns, List<String> key) {
        List<String> updated = columns.stream().filter(column -> !key.contains(column)).toList();
        return switch (this) {
            case POSTGRESQL -> insert(table, columns) + " ON CONFLICT (" + columnList(key) + ") DO "
                    + (updated.isEmpty() ? "NOTHING" : "UPDATE SET " + updated.stream()
                            .map(column -> quote(column) + " = EXCLUDED." + quote(column)).collect(Collectors.joining(", ")));
            // Updating a key column to itself keeps the statement valid when every column is a key.
            case MARIADB -> insert(table, columns) + " ON DUPLICATE KEY UPDATE " + (updated.isEmpty() ? key.subList(0, 1) : updated)
                    .stream().map(column -> quote(column) + " = VALUES(" + quote(column) + ")").collect(Collectors.joining(", "));
            case H2 -> "MERGE INTO " + quote(table) + " (" + columnList(columns) + ") KEY (" + columnList(key) + ") VALUES ("
                    + placeholders(columns.size()) + ")";
        };
    }

    /** {@code CREATE TABLE IF NOT EXISTS}, with a primary key when {@code key} is not empty. */
    String createTable(String table, List<String> columns, List<String> types, List<String> key) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quote(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(quote(columns.get(i))).append(' ').append(types.get(i));
            if (key.contains(columns.get(i))) {
                ddl.append(" NOT NULL");
            }
        }
        if (!key.isEmpty()) {
            ddl.append(", PRIMARY KEY (").append(columnList(key)).append(')');
        }
        return ddl.append(')').toString();
    }

    /** The column type for a field type; {@code inKey} because MariaDB cannot index an unbounded TEXT. */
    String columnType(FieldType type, boolean inKey) {
        return switch (type) {
            case STRING -> this == MARIADB && inKey ? "VARCHAR(255)" : stringType;
            case LONG -> longType;
            case DOUBLE -> doubleType;
            case BOOLEAN -> booleanType;
            case TIMESTAMP -> timestampType;
            case BYTES -> this == MARIADB && inKey ? "VARBINARY(255)" : bytesType;
        };
    }

    /** Binds a record field's value; timestamps are stored as UTC. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        }
        else if (value instanceof Instant instant) {
            if (this == MARIADB) {
                statement.setTimestamp(index, Timestamp.from(instant), (Calendar) UTC.clone());
            }
            else {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }
        else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        }
        else {
            statement.setObject(index, value);
        }
    }

    private String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
