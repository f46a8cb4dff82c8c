package io.sluice.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.sluice.api.state.StateStoreFactory;
import io.sluice.testkit.contract.StateStoreContractTest;

/** The {@code redis} state store keeps the state store contract, against the machine's Redis. */
class RedisStateStoreContractTest extends StateStoreContractTest {
    @RegisterExtension
    static final TestingRedis redis = new TestingRedis();

    private final String prefix = redis.prefix("state-contract-" + UUID.randomUUID().toString().substring(0, 8));

    @Override
    protected StateStoreFactory factory() {
        return new RedisStateStoreFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("uri", TestingRedis.URI, "key-prefix", prefix);
    }

    @Override
    protected Optional<Map<String, Object>> optionsWithSecret(String secret) {
        Map<String, Object> options = new LinkedHashMap<>(options());
        options.put("password", secret);
        return Optional.of(options);
    }
}
