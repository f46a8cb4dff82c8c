package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import io.sluice.api.state.StateAccessor;
import io.sluice.api.state.StateAccessorFactory;

/**
 * Opens {@link RedisStateAccessor}s on executors. Serialized into checkpoints and shipped to
 * executors: holds the connection options, the key prefix and the TTL only; the client comes from
 * the executor JVM's pool ({@link RedisClients}).
 *
 * <p>A key is stored as {@code <key-prefix>:<namespace>:<state key>}, where the namespace is the
 * stateful transform's (pipeline and transform name).
 */
public final class RedisStateAccessorFactory implements StateAccessorFactory {
    private static final long serialVersionUID = 1L;

    private final RedisConnectionOptions connection;
    private final String keyPrefix;
    private final long ttlMillis;

    /**
     * @param keyPrefix prefixes every key this store writes
     * @param ttl how long a key lives after its last update, unless the transform sets an idle timeout
     */
    public RedisStateAccessorFactory(RedisConnectionOptions connection, String keyPrefix, Optional<Duration> ttl) {
        this.connection = requireNonNull(connection, "connection is null");
        this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix is null");
        this.ttlMillis = requireNonNull(ttl, "ttl is null").map(Duration::toMillis).orElse(0L);
    }

    /**
     * Opens an accessor. The transform's idle timeout, when set, becomes the keys' TTL (it is the
     * more specific wish); otherwise the store's {@code ttl}; otherwise keys do not expire.
     */
    @Override
    public StateAccessor open(String namespace, Optional<Duration> idleTimeout) {
        requireNonNull(namespace, "namespace is null");
        long ttl = idleTimeout.map(Duration::toMillis).orElse(ttlMillis);
        return new RedisStateAccessor(connection, RedisClients.get(connection), keyPrefix + ":" + namespace + ":", ttl);
    }

    @Override
    public String toString() {
        return "RedisStateAccessorFactory{" + connection + ", keyPrefix=" + keyPrefix + ", ttlMillis=" + ttlMillis + "}";
    }
}
