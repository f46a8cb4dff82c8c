package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.Secret;

/**
 * The parsed options of a {@code jdbc} sink. Immutable; shipped to executors in the writer factory.
 *
 * @param connection how to reach the database
 * @param dialect the database's dialect, from the URL
 * @param table the target table, optionally {@code schema.table}
 * @param mode append or upsert
 * @param exactlyOnce whether each batch is written with its source positions in one transaction
 * @param key the key columns (upsert; the primary key of a created table)
 * @param columns the columns written, in order; empty to take the fields of each partition's first record
 * @param fields the field each column is read from, parallel to {@code columns}
 * @param columnTypes declared column types for {@code create-table}, by column
 * @param batchSize rows per JDBC batch
 * @param createTable whether to create the table when it does not exist
 * @param markerRetention how long batch markers are kept (exactly-once)
 */
record JdbcSinkOptions(JdbcConnectionSettings connection, JdbcDialect dialect, String table, JdbcMode mode,
        boolean exactlyOnce, List<String> key, List<String> columns, List<String> fields, Map<String, String> columnTypes,
        int batchSize, boolean createTable, Duration markerRetention) implements Serializable {
    static final OptionSpec<String> URL = OptionSpec.string("url").required()
            .doc("JDBC URL of the target database: jdbc:postgresql://host/db, jdbc:mariadb://host/db (or jdbc:mysql:), jdbc:h2:mem:db");
    static final OptionSpec<String> USER = OptionSpec.string("user")
            .doc("Database user; default the driver's (from the URL or the environment)");
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password")
            .doc("Database password; use ${ENV_VAR} rather than a literal");
    static final OptionSpec<String> TABLE = OptionSpec.string("table").required()
            .doc("Target table, table or schema.table; names are used exactly as written (quoted)");
    static final OptionSpec<JdbcMode> MODE = OptionSpec.oneOf("mode", JdbcMode.class).defaultValue(JdbcMode.APPEND)
            .doc("append inserts rows; upsert inserts or replaces rows by [key] (ON CONFLICT, ON DUPLICATE KEY, MERGE)");
    static final OptionSpec<Boolean> EXACTLY_ONCE = OptionSpec.bool("exactly-once").defaultValue(false)
            .doc("Write each batch's rows and its source positions in one transaction, skip batches already written, and "
                    + "resume sources from the stored positions on start; each batch is then written by one task");
    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key")
            .doc("Key columns: the conflict target of upsert, and the primary key of a table made by create-table");
    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns")
            .doc("Columns to write, in order, each [column] or [column = field] to read it from another field; "
                    + "default the fields of the first record of each partition, by the same names");
    static final OptionSpec<List<String>> COLUMN_TYPES = OptionSpec.stringList("column-types")
            .doc("For create-table: declared SQL types as [column TYPE], e.g. [\"level VARCHAR(16)\"]; "
                    + "other columns take a type from the first record's field types");
    static final OptionSpec<Integer> BATCH_SIZE = OptionSpec.integer("batch-size").defaultValue(500).atLeast(1)
            .doc("Rows sent to the database per JDBC batch");
    static final OptionSpec<Boolean> CREATE_TABLE = OptionSpec.bool("create-table").defaultValue(false)
            .doc("Create the table when it does not exist (CREATE TABLE IF NOT EXISTS), with a primary key on [key]");
    static final OptionSpec<Integer> POOL_SIZE = OptionSpec.integer("pool-size").defaultValue(4).atLeast(1)
            .doc("Most connections one executor JVM keeps open to this database");
    static final OptionSpec<Duration> CONNECTION_TIMEOUT = OptionSpec.duration("connection-timeout")
            .defaultValue(Duration.ofSeconds(30)).atLeast(250)
            .doc("How long a writer waits for a connection; then the batch attempt fails and the runtime retries it");
    static final OptionSpec<Map<String, Object>> PROPERTIES = OptionSpec.object("properties")
            .doc("Driver properties, e.g. { sslmode = require }; for PostgreSQL reWriteBatchedInserts defaults to true");
    static final OptionSpec<Duration> MARKER_RETENTION = OptionSpec.duration("marker-retention")
            .defaultValue(Duration.ofDays(7)).atLeast(60_000)
            .doc("For exactly-once: how long the marker of a written batch is kept; a batch replayed later than this "
                    + "after it was first written (older than any checkpoint) would be written again");

    static final OptionSpecs SPECS = OptionSpecs.of(URL, USER, PASSWORD, TABLE, MODE, EXACTLY_ONCE, KEY, COLUMNS, COLUMN_TYPES,
            BATCH_SIZE, CREATE_TABLE, POOL_SIZE, CONNECTION_TIMEOUT, PROPERTIES, MARKER_RETENTION);

    /** Plain SQL names only: they are quoted into statements, so nothing else may reach the SQL text. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern COLUMN_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_ ]*(\\([0-9, ]+\\))?( [A-Za-z ]+)?");

    JdbcSinkOptions {
        requireNonNull(connection, "connection is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
        key = List.copyOf(requireNonNull(key, "key is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        columnTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columnTypes, "columnTypes is null")));
        requireNonNull(markerRetention, "markerRetention is null");
    }

    /**
     * Reads the options and checks the rules between them.
     *
     * @throws SluiceException (user) naming every problem's option
     */
    static JdbcSinkOptions parse(Options options) {
        List<String> problems = new ArrayList<>();
        String url = options.get(URL).trim();
        JdbcDialect dialect = null;
        try {
            dialect = JdbcDialect.fromUrl(url);
        }
        catch (IllegalArgumentException e) {
            problems.add("option [url] " + e.getMessage());
        }
        String table = options.get(TABLE).trim();
        for (String part : table.split("\\.", -1)) {
            if (!NAME.matcher(part).matches()) {
                problems.add("option [table] must be a plain name or schema.name (letters, digits, _), got [" + table + "]");
                break;
            }
        }
        JdbcMode mode = options.get(MODE);
        List<String> key = options.find(KEY).orElse(List.of());
        checkNames("key", key, problems);
        if (mode == JdbcMode.UPSERT && key.isEmpty()) {
            problems.add("option [key] is required with mode [upsert]: name the columns that identify a row");
        }
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String entry : options.find(COLUMNS).orElse(List.of())) {
            int equals = entry.indexOf('=');
            String column = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            String field = (equals < 0 ? entry : entry.substring(equals + 1)).trim();
            columns.add(column);
            fields.add(field);
        }
        checkNames("columns", columns, problems);
        if (!columns.isEmpty()) {
            for (String column : key) {
                if (!columns.contains(column)) {
                    problems.add("option [key] names column [" + column + "], which is not in [columns] " + columns);
                }
            }
        }
        Map<String, String> columnTypes = new LinkedHashMap<>();
        for (String entry : options.find(COLUMN_TYPES).orElse(List.of())) {
            String trimmed = entry.trim();
            int space = trimmed.indexOf(' ');
            String column = space < 0 ? trimmed : trimmed.substring(0, space);
            String type = space < 0 ? "" : trimmed.substring(space + 1).trim();
            if (!NAME.matcher(column).matches() || !COLUMN_TYPE.matcher(type).matches()) {
                problems.add("option [column-types] entries must read [column TYPE], e.g. [level VARCHAR(16)], got [" + entry + "]");
            }
            columnTypes.put(column, type);
        }
        boolean createTable = options.get(CREATE_TABLE);
        if (!columnTypes.isEmpty() && !createTable) {
            problems.add("option [column-types] applies only with [create-table = true]");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        options.find(PROPERTIES).orElse(Map.of()).forEach((name, value) -> properties.put(name, String.valueOf(value)));
        if (dialect == JdbcDialect.POSTGRESQL) {
            // One multi-row INSERT per batch instead of one round trip per row.
            properties.putIfAbsent("reWriteBatchedInserts", "true");
        }
        if (!problems.isEmpty()) {
            throw SluiceException.user(String.join("; ", problems));
        }
        JdbcConnectionSettings connection = new JdbcConnectionSettings(url, options.find(USER).orElse(null),
                options.find(PASSWORD).orElse(null), options.get(POOL_SIZE), options.get(CONNECTION_TIMEOUT), properties);
        return new JdbcSinkOptions(connection, dialect, table, mode, options.get(EXACTLY_ONCE), key, columns, fields, columnTypes,
                options.get(BATCH_SIZE), createTable, options.get(MARKER_RETENTION));
    }

    private static void checkNames(String option, List<String> names, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                problems.add("option [" + option + "] must hold plain column names (letters, digits, _), got [" + name + "]");
            }
            else if (!seen.add(name)) {
                problems.add("option [" + option + "] names column [" + name + "] twice");
            }
        }
    }
}
