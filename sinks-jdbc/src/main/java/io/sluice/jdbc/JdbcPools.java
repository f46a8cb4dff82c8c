package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One HikariCP pool per database per JVM (driver or executor), keyed by URL, user, a hash of the
 * password and the pool options; created on first use and closed when the JVM shuts down. Thread-safe.
 * This is the sink's only static mutable state, as the design allows for connection pools.
 */
final class JdbcPools {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPools.class);
    private static final Map<JdbcConnectionSettings.PoolKey, HikariDataSource> POOLS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JdbcPools::closeAll, "sluice-jdbc-pools-shutdown"));
    }

    private JdbcPools() {}

    /** A connection from the settings' pool, with auto-commit off. The caller closes it (returning it to the pool). */
    static Connection connection(JdbcConnectionSettings settings) throws SQLException {
        Connection connection = POOLS.computeIfAbsent(settings.poolKey(), key -> open(settings)).getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static HikariDataSource open(JdbcConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.userName().ifPresent(config::setUsername);
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        settings.properties().forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(settings.poolSize());
        // Idle connections are closed: the database is shared, and executors may sit idle between batches.
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Lazy: a database that is down at start fails the first batch attempt (retried), not the pool.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.setPoolName("sluice-jdbc-" + POOLS.size());
        // The URL without its query, which may carry credentials.
        LOG.info("Opening a JDBC pool of up to {} connections to [{}]", settings.poolSize(), settings.url().replaceAll("[?;].*", ""));
        return new HikariDataSource(config);
    }

    private static void closeAll() {
        POOLS.values().forEach(HikariDataSource::close);
        POOLS.clear();
    }
}
