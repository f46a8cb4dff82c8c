package io.sluice.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis the state mode's redis store runs against, seen from the harness: deletes the keys
 * under a prefix and reads them back. Scans and pipelines in pages, so a million keys take a few
 * round trips per page and never sit in memory at once. Not thread-safe.
 */
final class BenchRedis implements AutoCloseable {
    private static final int PAGE = 10_000;

    private final String uri;
    private final JedisPooled jedis;

    private BenchRedis(String uri, JedisPooled jedis) {
        this.uri = uri;
        this.jedis = jedis;
    }

    /** Connects to {@code uri} (redis://host:port/database) and checks that it answers. */
    static BenchRedis connect(String uri) {
        JedisPooled jedis = new JedisPooled(uri);
        try {
            jedis.ping();
        }
        catch (RuntimeException e) {
            jedis.close();
            throw new IllegalStateException("Redis is not reachable at " + uri + " (--redis-uri); start it, or leave state out of --modes", e);
        }
        return new BenchRedis(uri, jedis);
    }

    String uri() {
        return uri;
    }

    /** Deletes every key starting with {@code prefix}; returns how many there were. */
    long delete(String prefix) {
        long deleted = 0;
        List<byte[]> page = new ArrayList<>(PAGE);
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        ScanParams params = new ScanParams().match((prefix + "*").getBytes(UTF_8)).count(PAGE);
        ScanResult<byte[]> scanned;
        do {
            scanned = jedis.scan(cursor, params);
            page.addAll(scanned.getResult());
            if (!page.isEmpty()) {
                // UNLINK frees the values off Redis's main thread; deleting keys a scan returned does not disturb the scan.
                deleted += jedis.unlink(page.toArray(byte[][]::new));
                page.clear();
            }
            cursor = scanned.getCursorAsBytes();
        } while (!scanned.isCompleteIteration());
        return deleted;
    }

    /** Hands every key starting with {@code prefix}, with its value, to {@code action}; in no particular order. */
    void forEach(String prefix, BiConsumer<String, byte[]> action) {
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        ScanParams params = new ScanParams().match((prefix + "*").getBytes(UTF_8)).count(PAGE);
        ScanResult<byte[]> scanned;
        do {
            scanned = jedis.scan(cursor, params);
            List<byte[]> keys = scanned.getResult();
            List<Response<byte[]>> values = new ArrayList<>(keys.size());
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                keys.forEach(key -> values.add(pipeline.get(key)));
                pipeline.sync();
            }
            for (int i = 0; i < keys.size(); i++) {
                action.accept(new String(keys.get(i), UTF_8), values.get(i).get());
            }
            cursor = scanned.getCursorAsBytes();
        } while (!scanned.isCompleteIteration());
    }

    @Override
    public void close() {
        jedis.close();
    }
}
