package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sluice.api.record.FieldType;
import io.sluice.api.record.Record;

/**
 * {@code create-table}: creates the target table once per JVM, on a connection of its own with
 * auto-commit on, before the batch's transaction starts (MariaDB commits DDL implicitly, which
 * must not commit half a batch). Column types are declared ones, else the first record's field
 * types; a field that is null in that record becomes a string column.
 */
final class JdbcTables {
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private JdbcTables() {}

    static void ensure(JdbcSinkOptions options, JdbcColumns columns, Record first) throws SQLException {
        String id = options.connection().url() + '\u0000' + options.table();
        if (CREATED.contains(id)) {
            return;
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < columns.columns().size(); i++) {
            String column = columns.columns().get(i);
            String declared = options.columnTypes().get(column);
            Object value = first.get(columns.fields().get(i));
            types.add(declared != null ? declared
                    : options.dialect().columnType(value == null ? FieldType.STRING : FieldType.of(value), options.key().contains(column)));
        }
        try (Connection connection = JdbcPools.connection(options.connection())) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(options.dialect().createTable(options.table(), columns.columns(), types, options.key()));
            }
        }
        CREATED.add(id);
    }
}
