package io.sluice.redis;

import static io.sluice.testkit.OptionsAssertions.NO_DEFAULT;
import static io.sluice.testkit.OptionsAssertions.assertDefaults;
import static io.sluice.testkit.OptionsAssertions.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.plugin.PluginModule;

class RedisConnectionOptionsTest {
    private static final OptionSpecs CONNECTION = OptionSpecs.of(RedisConnectionOptions.SPECS);

    @Test
    void readsUriWithUserDatabaseAndTls() {
        assertThat(TestingRedis.connection(Map.of("uri", "redis://127.0.0.1")).describe()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(TestingRedis.connection(Map.of("uri", "rediss://app@cache.example:6380/3")).describe())
                .isEqualTo("rediss://app@cache.example:6380/3");
        assertThat(TestingRedis.connection(Map.of("uri", "redis://h:1", "database", 5)).describe()).isEqualTo("redis://h:1/5");
    }

    @Test
    void keepsThePasswordSecret() {
        RedisConnectionOptions options = TestingRedis.connection(Map.of("uri", "redis://h:1", "password", "s3cret-pw"));

        assertThat(options.toString()).doesNotContain("s3cret-pw").contains("[hidden]");
        assertThat(options.describe()).doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("uri", "redis://app:s3cret-pw@h:1")))
                .isInstanceOf(SluiceException.class).hasMessageContaining("option [password]").hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void everyConnectionOptionHasARecordedDefault() {
        assertDefaults(CONNECTION, Map.of("uri", NO_DEFAULT, "password", NO_DEFAULT, "database", NO_DEFAULT, "sentinel-master", NO_DEFAULT,
                "sentinels", NO_DEFAULT, "cluster-nodes", NO_DEFAULT, "pool-size", 8, "timeout", Duration.ofSeconds(2)));
    }

    @Test
    void everyConnectionOptionIsReadInEachMode() {
        assertThat(parse(Map.of("uri", "rediss://app@cache.example:6380", "password", "pw-1", "database", 3, "pool-size", 4, "timeout", "500ms"),
                "sentinel-master", "sentinels", "cluster-nodes"))
                .hasToString("RedisConnectionOptions{rediss://app@cache.example:6380/3, password=[hidden], poolSize=4, timeout=500ms}");
        assertThat(parse(Map.of("sentinel-master", "mymaster", "sentinels", List.of("s1:26379", "s2:26379"), "password", "pw-2",
                "database", 2, "pool-size", 4, "timeout", "1s"), "uri", "cluster-nodes"))
                .hasToString("RedisConnectionOptions{redis sentinel master [mymaster] via [s1:26379, s2:26379] database 2, "
                        + "password=[hidden], poolSize=4, timeout=1000ms}");
        // Redis Cluster has database 0 only, the default, so this mapping leaves [database] out.
        assertThat(parse(Map.of("cluster-nodes", List.of("n1:7000", "n2:7001"), "password", "pw-3", "pool-size", 4, "timeout", "1s"),
                "uri", "sentinel-master", "sentinels", "database"))
                .hasToString("RedisConnectionOptions{redis cluster [n1:7000, n2:7001], password=[hidden], poolSize=4, timeout=1000ms}");
    }

    private static RedisConnectionOptions parse(Map<String, Object> raw, String... mappedElsewhere) {
        return RedisConnectionOptions.parse(assertFullMapping(CONNECTION, raw, Set.of(mappedElsewhere)));
    }

    @Test
    void reportsContradictions() {
        assertThatThrownBy(() -> TestingRedis.connection(Map.of())).hasMessageContaining("set exactly one of option [uri]");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("uri", "redis://h", "cluster-nodes", "n:1")))
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("sentinel-master", "m"))).hasMessageContaining("go together");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("cluster-nodes", "n:1", "database", 2))).hasMessageContaining("only database 0");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("uri", "http://h"))).hasMessageContaining("redis:// or rediss://");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("uri", "redis://h/1", "database", 2))).hasMessageContaining("contradicts");
        assertThatThrownBy(() -> TestingRedis.connection(Map.of("cluster-nodes", "nonsense"))).hasMessageContaining("not host:port");
    }

    @Test
    void equalOptionsShareOnePoolKey() {
        assertThat(TestingRedis.connection(Map.of("uri", "redis://h:1", "password", "p")))
                .isEqualTo(TestingRedis.connection(Map.of("uri", "redis://h:1/0", "password", "p")))
                .isNotEqualTo(TestingRedis.connection(Map.of("uri", "redis://h:1", "password", "q")));
    }

    @Test
    void equalOptionsShareOneLazyPoolPerJvm() {
        // Pools connect lazily, so nothing needs to listen on these ports.
        RedisConnectionOptions options = TestingRedis.connection(Map.of("uri", "redis://127.0.0.1:1", "pool-size", 2));

        assertThat(RedisClients.get(options))
                .isSameAs(RedisClients.get(TestingRedis.connection(Map.of("uri", "redis://127.0.0.1:1/0", "pool-size", 2))))
                .isNotSameAs(RedisClients.get(TestingRedis.connection(Map.of("uri", "redis://127.0.0.1:1", "pool-size", 3))));
    }

    @Test
    void thePluginModuleIsFoundAsProductionFindsIt() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(RedisPluginModule.class);
        assertThat(new RedisStateStoreFactory().type()).isEqualTo("redis");
        assertThat(new RedisSinkFactory().type()).isEqualTo("redis");
    }
}
