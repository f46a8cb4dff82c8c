package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The machine's Redis at 127.0.0.1:6379, for tests: fails loudly when it is not there (never
 * skips), hands out key prefixes unique to this test run, and deletes their keys afterwards.
 * A test class registers it once: {@code @RegisterExtension static final TestingRedis redis = new TestingRedis();}
 * and JUnit closes it after the class.
 */
final class TestingRedis implements AutoCloseable, AfterAllCallback {
    static final String URI = "redis://127.0.0.1:6379";

    private final JedisPooled jedis;
    private final String prefix;

    TestingRedis() {
        this.jedis = new JedisPooled("127.0.0.1", 6379);
        try {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
        catch (RuntimeException e) {
            jedis.close();
            throw new AssertionError("Redis is not reachable at 127.0.0.1:6379; start it (scripts/test does) and run again", e);
        }
        this.prefix = "sluice-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JedisPooled jedis() {
        return jedis;
    }

    /** A key prefix unique to this run, under which every key a test writes must go. */
    String prefix(String name) {
        return prefix + "-" + name;
    }

    /** Keys under a prefix, with their string values, sorted. */
    Map<String, String> strings(String keyPrefix) {
        Map<String, String> values = new TreeMap<>();
        for (String key : keys(keyPrefix)) {
            values.put(key, jedis.get(key));
        }
        return values;
    }

    List<String> keys(String keyPrefix) {
        return keys(jedis, keyPrefix);
    }

    /** Keys starting with {@code keyPrefix} on any server. */
    static List<String> keys(UnifiedJedis jedis, String keyPrefix) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(keyPrefix + "*").count(500);
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Connection options for a Redis plugin block, as parsed from a pipeline file. */
    static RedisConnectionOptions connection(Map<String, Object> block) {
        return RedisConnectionOptions.parse(OptionSpecs.of(RedisConnectionOptions.SPECS).parse(block));
    }

    static Options parse(OptionSpecs specs, Map<String, Object> block) {
        return specs.parse(block);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Deletes every key this run wrote. */
    @Override
    public void close() {
        try {
            List<String> keys = keys(prefix);
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
        }
        finally {
            jedis.close();
        }
    }
}
