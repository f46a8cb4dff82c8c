package io.sluice.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis clients of this JVM (driver or executor): one pooled client per distinct
 * {@link RedisConnectionOptions}, created on first use and closed by a shutdown hook. Static
 * because Spark gives a task no other place that outlives it, and closures must never capture a
 * connection. Thread-safe: tasks of one executor share a pool.
 */
final class RedisClients {
    private static final Logger LOG = LoggerFactory.getLogger(RedisClients.class);
    private static final Map<RedisConnectionOptions, UnifiedJedis> CLIENTS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOK_ADDED = new AtomicBoolean();
    private static final Set<RedisConnectionOptions> SCRIPT_LOADED = ConcurrentHashMap.newKeySet();

    private RedisClients() {}

    /** The pooled client for these options, opened on first use. Never close it: the JVM's shutdown does. */
    static UnifiedJedis get(RedisConnectionOptions options) {
        UnifiedJedis client = CLIENTS.get(options);
        if (client != null) {
            return client;
        }
        if (HOOK_ADDED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(RedisClients::closeAll, "sluice-redis-clients-close"));
        }
        // Cluster and Sentinel clients connect while being created: concurrent first users wait for one client, not open two.
        return CLIENTS.computeIfAbsent(options, RedisConnectionOptions::open);
    }

    /**
     * Whether the guard script still has to be loaded through this client; true once per client.
     * A server that lost it since (restart, failover) answers NOSCRIPT, which the accessor handles.
     */
    static boolean firstScriptUse(RedisConnectionOptions options) {
        return SCRIPT_LOADED.add(options);
    }

    /** Closes every client; later uses open new ones. For the shutdown hook and tests. */
    static void closeAll() {
        List<RedisConnectionOptions> keys = new ArrayList<>(CLIENTS.keySet());
        for (RedisConnectionOptions key : keys) {
            SCRIPT_LOADED.remove(key);
            UnifiedJedis client = CLIENTS.remove(key);
            if (client != null) {
                try {
                    client.close();
                }
                catch (RuntimeException e) {
                    LOG.warn("Closing the Redis client for {} failed: {}", key.describe(), e.toString());
                }
            }
        }
    }
}
