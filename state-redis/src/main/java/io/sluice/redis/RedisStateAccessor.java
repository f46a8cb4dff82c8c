package io.sluice.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.state.StateAccessor;
import io.sluice.api.state.StoredState;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads and writes one partition's keys for one batch: a pipelined GET of every key, then a
 * pipelined EVALSHA of the guard script per key. Used by one task thread; takes a connection from
 * the JVM's pool per round trip and holds none between them.
 *
 * <p>Why a Lua script and not WATCH/MULTI: the guard "write only if the stored batch time is
 * older" must be atomic per key. A script does the compare-and-set inside Redis, so every key of
 * the partition goes in one pipelined round trip and never conflicts. WATCH/MULTI needs the
 * WATCH, a read, and the MULTI/EXEC per key on one connection (a round trip or more per key,
 * and no pipelining across keys since each EXEC's outcome decides a retry), has to retry when
 * another writer touches the key, and does not work across slots in a cluster pipeline. The
 * script touches a single key, so it runs on Redis Cluster too.
 */
final class RedisStateAccessor implements StateAccessor {
    /**
     * KEYS[1] the state key; ARGV[1] this batch's time (epoch millis, decimal); ARGV[2] the encoded
     * state, whose bytes 2..9 (1-based) are its batch time, big-endian; ARGV[3] TTL millis, 0 for none.
     * Returns 1 when written, 0 when the stored state is from this batch or a later one (a replay).
     */
    static final String GUARD_SCRIPT = """
            local stored = redis.call('GET', KEYS[1])
            if stored then
              if #stored < 9 or string.byte(stored, 1) < 1 then
                return redis.error_reply('SLUICE value at ' .. KEYS[1] .. ' is not Sluice state')
              end
              local storedTime = 0
              for i = 2, 9 do storedTime = storedTime * 256 + string.byte(stored, i) end
              if storedTime >= tonumber(ARGV[1]) then return 0 end
            end
            local ttl = tonumber(ARGV[3])
            if ttl > 0 then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
            else
              redis.call('SET', KEYS[1], ARGV[2])
            end
            return 1
            """;
    static final String GUARD_SHA = sha1(GUARD_SCRIPT);

    /** How long a removal's tombstone guards against a replay when keys have no TTL. */
    private static final long TOMBSTONE_TTL_MILLIS = 24L * 3600 * 1000;

    private final RedisConnectionOptions connection;
    private final UnifiedJedis client;
    private final String keyPrefix;
    private final long ttlMillis;

    RedisStateAccessor(RedisConnectionOptions connection, UnifiedJedis client, String keyPrefix, long ttlMillis) {
        this.connection = requireNonNull(connection, "connection is null");
        this.client = requireNonNull(client, "client is null");
        this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix is null");
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Map<String, StoredState> read(Collection<String> keys) throws IOException {
        Map<String, StoredState> states = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        Map<String, Response<byte[]>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (String key : keys) {
                replies.put(key, pipeline.get(redisKey(key)));
            }
            pipeline.sync();
            for (Map.Entry<String, Response<byte[]>> reply : replies.entrySet()) {
                byte[] stored = reply.getValue().get();
                if (stored != null) {
                    Optional<StoredState> state = RedisStateCodec.decode(stored);
                    state.ifPresent(s -> states.put(reply.getKey(), s));
                }
            }
        }
        catch (JedisConnectionException e) {
            throw unreachable("reading state", e);
        }
        catch (JedisDataException e) {
            throw SluiceException.externalFatal("Redis refused reading state under [" + keyPrefix + "]: " + e.getMessage(), e);
        }
        catch (JedisException e) {
            throw unreachable("reading state", e);
        }
        return states;
    }

    @Override
    public void write(Map<String, Record> states, Collection<String> removed, long batchTime) throws IOException {
        if (states.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        states.forEach((key, state) -> values.put(key, RedisStateCodec.encode(state, batchTime)));
        byte[] tombstone = RedisStateCodec.encodeRemoved(batchTime);
        removed.forEach(key -> values.put(key, tombstone));
        try {
            loadScriptOnce();
            List<String> missingScript = guardedWrites(values, batchTime, removed, true);
            if (!missingScript.isEmpty()) {
                // The server lost its script cache (restart, failover, a cluster node not seen yet):
                // EVAL runs the same script and caches it again; the guard makes resending safe.
                Map<String, byte[]> again = new LinkedHashMap<>();
                missingScript.forEach(key -> again.put(key, values.get(key)));
                guardedWrites(again, batchTime, removed, false);
            }
        }
        catch (JedisConnectionException e) {
            throw unreachable("writing state", e);
        }
        catch (JedisDataException e) {
            throw SluiceException.externalFatal("Redis refused writing state under [" + keyPrefix + "]: " + e.getMessage(), e);
        }
        catch (JedisException e) {
            throw unreachable("writing state", e);
        }
    }

    /** Sends the guarded writes in one pipeline; returns the keys whose server did not know the script. */
    private List<String> guardedWrites(Map<String, byte[]> values, long batchTime, Collection<String> removed, boolean bySha) {
        byte[] time = Long.toString(batchTime).getBytes(UTF_8);
        byte[] ttl = Long.toString(ttlMillis > 0 ? ttlMillis : 0).getBytes(UTF_8);
        byte[] tombstoneTtl = Long.toString(ttlMillis > 0 ? ttlMillis : TOMBSTONE_TTL_MILLIS).getBytes(UTF_8);
        byte[] script = (bySha ? GUARD_SHA : GUARD_SCRIPT).getBytes(UTF_8);
        Map<String, Response<Object>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (Map.Entry<String, byte[]> entry : values.entrySet()) {
                List<byte[]> args = List.of(time, entry.getValue(), removed.contains(entry.getKey()) ? tombstoneTtl : ttl);
                List<byte[]> keys = List.of(redisKey(entry.getKey()));
                replies.put(entry.getKey(), bySha ? pipeline.evalsha(script, keys, args) : pipeline.eval(script, keys, args));
            }
            pipeline.sync();
        }
        List<String> missingScript = new ArrayList<>();
        for (Map.Entry<String, Response<Object>> reply : replies.entrySet()) {
            try {
                reply.getValue().get();
            }
            catch (JedisDataException e) {
                if (bySha && e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")) {
                    missingScript.add(reply.getKey());
                }
                else {
                    throw e;
                }
            }
        }
        return missingScript;
    }

    private void loadScriptOnce() {
        // A cluster routes SCRIPT LOAD to one node; the NOSCRIPT fallback loads it on the others.
        if (connection.mode() != RedisConnectionOptions.Mode.CLUSTER && RedisClients.firstScriptUse(connection)) {
            client.scriptLoad(GUARD_SCRIPT);
        }
    }

    private byte[] redisKey(String key) {
        return (keyPrefix + key).getBytes(UTF_8);
    }

    private IOException unreachable(String what, JedisException e) {
        // An IOException tells the runtime to retry the batch: Redis may be back by then.
        return new IOException("Redis at " + connection.describe() + " failed while " + what + ": " + e.getMessage(), e);
    }

    /** Connections return to the pool after each round trip; nothing to release here. */
    @Override
    public void close() {
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
