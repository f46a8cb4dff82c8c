package io.sluice.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sluice.api.option.Secret;

/**
 * How to reach the database: URL, credentials, driver properties and pool sizing. Immutable and
 * serializable (it travels to executors inside the writer factory); the password stays a
 * {@link Secret}. Pools are keyed by {@link #poolKey()}, which holds a hash of the password, not the password.
 *
 * @param url the JDBC URL
 * @param user the user, or null to let the driver decide (URL or defaults)
 * @param password the password, or null
 * @param poolSize the most connections one executor JVM opens
 * @param connectionTimeout how long a writer waits for a connection before the attempt fails
 * @param properties driver properties, sorted
 */
record JdbcConnectionSettings(String url, String user, Secret password, int poolSize, Duration connectionTimeout,
        Map<String, String> properties) implements Serializable {
    JdbcConnectionSettings {
        requireNonNull(url, "url is null");
        requireNonNull(connectionTimeout, "connectionTimeout is null");
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(properties, "properties is null")));
    }

    Optional<String> userName() {
        return Optional.ofNullable(user);
    }

    /** What identifies a pool: everything but the password, which is replaced by its SHA-256. */
    PoolKey poolKey() {
        return new PoolKey(url, user, password == null ? "" : sha256(password.reveal()), poolSize, connectionTimeout, properties);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcConnectionSettings{url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : password)
                + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout + ", properties=" + properties.keySet() + "}";
    }

    /** The key of a per-JVM pool. */
    record PoolKey(String url, String user, String passwordHash, int poolSize, Duration connectionTimeout, Map<String, String> properties) {
    }
}
