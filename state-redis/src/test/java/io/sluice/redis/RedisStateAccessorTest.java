package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.state.StateAccessor;
import io.sluice.api.state.StoredState;
import redis.clients.jedis.Jedis;

/** The accessor against the machine's real Redis. */
@Timeout(60)
class RedisStateAccessorTest {
    @RegisterExtension
    static final TestingRedis redis = new TestingRedis();

    private static RedisStateAccessorFactory factory(String prefix, Optional<Duration> ttl) {
        return new RedisStateAccessorFactory(TestingRedis.connection(Map.of("uri", TestingRedis.URI)), prefix, ttl);
    }

    private static Record count(long n) {
        return Record.builder().field("rows", n).build();
    }

    @Test
    void readsWhatWasWrittenAndLeavesAbsentKeysOut() throws IOException {
        String prefix = redis.prefix("rw");
        try (StateAccessor accessor = factory(prefix, Optional.empty()).open("p.t", Optional.empty())) {
            accessor.write(Map.of("a", count(1), "b", count(2)), List.of(), 1000);

            assertThat(accessor.read(List.of("a", "b", "c"))).containsOnly(
                    Map.entry("a", new StoredState(count(1), 1000)),
                    Map.entry("b", new StoredState(count(2), 1000)));
        }
        assertThat(redis.keys(prefix)).containsExactlyInAnyOrder(prefix + ":p.t:a", prefix + ":p.t:b");
        assertThat(redis.jedis().pttl(prefix + ":p.t:a")).isEqualTo(-1L);
    }

    @Test
    void aRemovedKeyReadsAbsentButStillGuardsAgainstItsReplay() throws IOException {
        String prefix = redis.prefix("removed");
        try (StateAccessor accessor = factory(prefix, Optional.empty()).open("p.t", Optional.empty())) {
            accessor.write(Map.of("k", count(5)), List.of(), 1000);
            accessor.write(Map.of(), List.of("k"), 2000);
            accessor.write(Map.of("k", count(7)), List.of(), 2000);

            assertThat(accessor.read(List.of("k"))).isEmpty();
            assertThat(redis.jedis().pttl(prefix + ":p.t:k")).isPositive();
        }
    }

    @Test
    void theIdleTimeoutOrElseTheStoreTtlBecomesTheKeyTtl() throws IOException {
        String prefix = redis.prefix("ttl");
        try (StateAccessor store = factory(prefix, Optional.of(Duration.ofMinutes(10))).open("store", Optional.empty());
                StateAccessor idle = factory(prefix, Optional.of(Duration.ofMinutes(10))).open("idle", Optional.of(Duration.ofSeconds(30)))) {
            store.write(Map.of("k", count(1)), List.of(), 1000);
            idle.write(Map.of("k", count(1)), List.of(), 1000);
        }
        assertThat(redis.jedis().pttl(prefix + ":store:k")).isBetween(590_000L, 600_000L);
        assertThat(redis.jedis().pttl(prefix + ":idle:k")).isBetween(20_000L, 30_000L);
    }

    @Test
    void writesAfterTheServerForgotTheScript(@TempDir Path work) throws Exception {
        // On a server of the test's own: SCRIPT FLUSH on the shared one would hit other users' scripts.
        try (TestingRedisServer server = new TestingRedisServer(work)) {
            server.start();
            RedisStateAccessorFactory factory = new RedisStateAccessorFactory(TestingRedis.connection(Map.of("uri", server.uri())), "s",
                    Optional.empty());
            try (StateAccessor accessor = factory.open("p.t", Optional.empty())) {
                accessor.write(Map.of("k", count(1)), List.of(), 1000);
                try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
                    jedis.scriptFlush();
                }

                accessor.write(Map.of("k", count(2)), List.of(), 2000);

                assertThat(accessor.read(List.of("k"))).containsEntry("k", new StoredState(count(2), 2000));
            }
        }
    }

    @Test
    void aForeignValueUnderThePrefixFailsWithoutRetry() throws IOException {
        String prefix = redis.prefix("foreign");
        redis.jedis().set(prefix + ":p.t:k", "hello");
        try (StateAccessor accessor = factory(prefix, Optional.empty()).open("p.t", Optional.empty())) {
            assertThatThrownBy(() -> accessor.read(List.of("k"))).isInstanceOf(SluiceException.class).hasMessageContaining("not Sluice state");
            assertThatThrownBy(() -> accessor.write(Map.of("k", count(1)), List.of(), 1000))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("not Sluice state")
                    .matches(e -> !((SluiceException) e).isRetriable());
        }
    }

    @Test
    void anUnreachableServerIsAnIoExceptionSoTheBatchIsRetried() {
        RedisStateAccessorFactory nowhere = new RedisStateAccessorFactory(
                TestingRedis.connection(Map.of("uri", "redis://127.0.0.1:1", "timeout", "300ms")), "x", Optional.empty());

        assertThatThrownBy(() -> nowhere.open("p.t", Optional.empty()).read(List.of("k")))
                .isInstanceOf(IOException.class).hasMessageContaining("redis://127.0.0.1:1/0");
    }
}
