package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the tests write to: the machine's PostgreSQL and MariaDB (database {@code test};
 * a test fails, never skips, when one is down) and an in-memory H2. Tables get unique names and
 * are dropped by the tests.
 */
enum TestingDatabase {
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root"),
    H2("jdbc:h2:mem:sluice;DB_CLOSE_DELAY=-1", "sa");

    private final String url;
    private final String user;

    TestingDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    /** A fresh table name, lowercase so every database agrees on it. */
    static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    Connection connect() {
        try {
            return DriverManager.getConnection(url, user, "");
        }
        catch (SQLException e) {
            throw new AssertionError(name() + " is not reachable at [" + url + "] as [" + user + "]; start it (the tests need it): "
                    + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new AssertionError("[" + sql + "] failed on " + name() + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a query, each as its columns' text joined by {@code |}. */
    List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        catch (SQLException e) {
            throw new AssertionError("[" + sql + "] failed on " + name() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    long count(String sql) {
        List<String> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0) == null || rows.get(0).equals("null") ? 0 : Long.parseLong(rows.get(0));
    }

    void drop(String table) {
        execute("DROP TABLE IF EXISTS " + quote(table));
    }

    /** Quotes like the sink does, for tables the sink created. */
    String quote(String name) {
        return JdbcDialect.fromUrl(url).quote(name);
    }
}
