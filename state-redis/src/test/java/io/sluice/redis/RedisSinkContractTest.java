package io.sluice.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;

/** The {@code redis} sink keeps the sink contract, against the machine's Redis: one hash per record, keyed by its id. */
class RedisSinkContractTest extends SinkContractTest {
    @RegisterExtension
    static final TestingRedis redis = new TestingRedis();

    private final String prefix = redis.prefix("sink-contract-" + UUID.randomUUID().toString().substring(0, 8));

    @Override
    protected SinkFactory factory() {
        return new RedisSinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("uri", TestingRedis.URI, "key", prefix + ":${id}");
    }

    @Override
    protected Optional<Map<String, Object>> optionsWithSecret(String secret) {
        Map<String, Object> options = new LinkedHashMap<>(options());
        options.put("password", secret);
        return Optional.of(options);
    }

    @Override
    protected List<String> visibleIds(long batchTime) {
        return redis.keys(prefix + ":").stream().map(key -> redis.jedis().hget(key, ID_FIELD)).toList();
    }
}
