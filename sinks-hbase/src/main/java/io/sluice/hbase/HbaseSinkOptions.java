package io.sluice.hbase;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of an {@code hbase} sink. Immutable; shipped to executors in the writer factory.
 *
 * @param zookeeperQuorum {@code host[:port],...}, or null to take it from the client configuration file
 * @param clientConfig the path of an {@code hbase-site.xml}, or null
 * @param table the table, {@code [namespace:]name}
 * @param columnFamily the column family written
 * @param rowKey the row-key template
 * @param qualifiers the column qualifiers written; empty for every field not used only in the row key
 * @param fields the field each qualifier is read from, parallel to {@code qualifiers}
 * @param createTable whether to create the table (one family, one version) when missing
 * @param writeBufferSize the BufferedMutator's buffer, in bytes
 */
record HbaseSinkOptions(String zookeeperQuorum, String clientConfig, String table, String columnFamily, HbaseRowKey rowKey,
        List<String> qualifiers, List<String> fields, boolean createTable, long writeBufferSize) implements Serializable {
    static final OptionSpec<String> ZOOKEEPER_QUORUM = OptionSpec.string("zookeeper-quorum")
            .doc("ZooKeeper quorum of the HBase cluster as host[:port],..., e.g. zk1:2181,zk2:2181; or set [client-config]");
    static final OptionSpec<String> CLIENT_CONFIG = OptionSpec.string("client-config")
            .doc("Path of an hbase-site.xml to read client settings from (read on the driver and on every executor)");
    static final OptionSpec<String> TABLE = OptionSpec.string("table").required()
            .doc("Table name, [namespace:]name");
    static final OptionSpec<String> COLUMN_FAMILY = OptionSpec.string("column-family").defaultValue("d")
            .doc("Column family the cells are written to");
    static final OptionSpec<String> ROW_KEY = OptionSpec.string("row-key").required()
            .doc("Row-key template over fields, e.g. \"${level}#${window_end}\" (timestamps as ISO-8601)");
    static final OptionSpec<List<String>> COLUMNS = OptionSpec.stringList("columns")
            .doc("Cells to write, each [qualifier] or [qualifier = field]; default every field not used in the row key, "
                    + "by its name; values as UTF-8 text (timestamps ISO-8601); null fields write no cell");
    static final OptionSpec<Boolean> CREATE_TABLE = OptionSpec.bool("create-table").defaultValue(false)
            .doc("Create the table with the column family when it does not exist");
    static final OptionSpec<Long> WRITE_BUFFER_SIZE = OptionSpec.longInteger("write-buffer-size").defaultValue(2L * 1024 * 1024)
            .atLeast(1024).doc("Bytes of puts each partition's BufferedMutator buffers before it sends them");

    static final OptionSpecs SPECS = OptionSpecs.of(ZOOKEEPER_QUORUM, CLIENT_CONFIG, TABLE, COLUMN_FAMILY, ROW_KEY, COLUMNS,
            CREATE_TABLE, WRITE_BUFFER_SIZE);

    HbaseSinkOptions {
        requireNonNull(table, "table is null");
        requireNonNull(columnFamily, "columnFamily is null");
        requireNonNull(rowKey, "rowKey is null");
        qualifiers = List.copyOf(requireNonNull(qualifiers, "qualifiers is null"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /**
     * Reads the options and checks the rules between them.
     *
     * @throws SluiceException (user) naming every problem's option
     */
    static HbaseSinkOptions parse(Options options) {
        List<String> problems = new ArrayList<>();
        String quorum = options.find(ZOOKEEPER_QUORUM).map(String::trim).orElse(null);
        String config = options.find(CLIENT_CONFIG).map(String::trim).orElse(null);
        if (quorum == null && config == null) {
            problems.add("option [zookeeper-quorum] or [client-config] is required to find the HBase cluster");
        }
        HbaseRowKey rowKey = null;
        try {
            rowKey = HbaseRowKey.parse(options.get(ROW_KEY));
        }
        catch (IllegalArgumentException e) {
            problems.add("option [row-key] " + e.getMessage());
        }
        List<String> qualifiers = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String entry : options.find(COLUMNS).orElse(List.of())) {
            int equals = entry.indexOf('=');
            String qualifier = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            String field = (equals < 0 ? entry : entry.substring(equals + 1)).trim();
            if (qualifier.isEmpty() || field.isEmpty()) {
                problems.add("option [columns] entries must read [qualifier] or [qualifier = field], got [" + entry + "]");
            }
            qualifiers.add(qualifier);
            fields.add(field);
        }
        if (!problems.isEmpty()) {
            throw SluiceException.user(String.join("; ", problems));
        }
        return new HbaseSinkOptions(quorum, config, options.get(TABLE).trim(), options.get(COLUMN_FAMILY), rowKey, qualifiers, fields,
                options.get(CREATE_TABLE), options.get(WRITE_BUFFER_SIZE));
    }
}
