package io.sluice.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;

/** The {@code jdbc} sink keeps the sink contract in each delivery: upsert (PostgreSQL, MariaDB), exactly-once and append. */
class JdbcSinkContractTest {
    /** A fresh table per test method; its rows' ids read back by batch. */
    abstract static class OnTable extends SinkContractTest {
        final String table = TestingDatabase.uniqueTable("contract");

        abstract TestingDatabase database();

        abstract Map<String, Object> mode();

        @Override
        protected SinkFactory factory() {
            return new JdbcSinkFactory();
        }

        @Override
        protected Map<String, Object> options() {
            Map<String, Object> options = new LinkedHashMap<>(mode());
            options.put("url", database().url());
            options.put("user", database().user());
            options.put("table", table);
            options.put("create-table", true);
            return options;
        }

        @Override
        protected Optional<Map<String, Object>> optionsWithSecret(String secret) {
            Map<String, Object> options = new LinkedHashMap<>(options());
            options.put("password", secret);
            return Optional.of(options);
        }

        @Override
        protected List<String> visibleIds(long batchTime) {
            TestingDatabase database = database();
            String tables = "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '" + table + "'";
            if (database.count(tables) == 0) {
                return List.of();
            }
            return database.rows("SELECT " + database.quote("id") + " FROM " + database.quote(table) + " WHERE "
                    + database.quote("id") + " LIKE 'b" + batchTime + "-%'");
        }

        @AfterEach
        void dropTable() {
            database().drop(table);
            database().execute("DELETE FROM " + database().quote("sluice_batches") + " WHERE " + database().quote("sink") + " = '" + table + "'");
            database().execute("DELETE FROM " + database().quote("sluice_positions") + " WHERE " + database().quote("sink") + " = '" + table + "'");
        }
    }

    @Nested
    class UpsertOnPostgresql extends OnTable {
        @Override
        TestingDatabase database() {
            return TestingDatabase.POSTGRESQL;
        }

        @Override
        Map<String, Object> mode() {
            return Map.of("mode", "upsert", "key", List.of("id"));
        }
    }

    @Nested
    class UpsertOnMariadb extends OnTable {
        @Override
        TestingDatabase database() {
            return TestingDatabase.MARIADB;
        }

        @Override
        Map<String, Object> mode() {
            return Map.of("mode", "upsert", "key", List.of("id"));
        }
    }

    @Nested
    class ExactlyOnceOnPostgresql extends OnTable {
        @Override
        TestingDatabase database() {
            return TestingDatabase.POSTGRESQL;
        }

        @Override
        Map<String, Object> mode() {
            return Map.of("exactly-once", true);
        }
    }

    @Nested
    class AppendOnH2 extends OnTable {
        @Override
        TestingDatabase database() {
            return TestingDatabase.H2;
        }

        @Override
        Map<String, Object> mode() {
            return Map.of("mode", "append");
        }
    }
}
