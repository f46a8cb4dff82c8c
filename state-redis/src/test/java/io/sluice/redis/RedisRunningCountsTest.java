package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.api.state.StoredState;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.hdfs.MiniHdfs;
import io.sluice.testkit.memory.MemoryStreams;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The seed's running counts per log level ({@code stateful} with {@code state { type = redis }})
 * on embedded Spark against real Redis: exact after 50 batches, after a kill and restart, after a
 * replayed batch, and across a Redis outage; idle keys expire; and the checkpoint store on
 * {@code hdfs://} gives the same counts.
 */
@Timeout(180)
class RedisRunningCountsTest {
    private static final String[] LEVELS = {"DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    @RegisterExtension
    static final TestingRedis redis = new TestingRedis();

    @TempDir
    Path work;

    @Test
    void runningCountsOver50BatchesEqualARecountInStateAndInTheSink() throws Exception {
        Run run = new Run("plain", TestingRedis.URI);
        List<List<Record>> batches = randomLevels(50, 12, 1);
        MemoryStreams.feed(run.input, batches);
        Map<String, Long> expected = recount(batches);

        TestPipelines.start(TestPipelines.bind(run.pipeline(work, ""))).stopWhen(run.reached(expected), Duration.ofSeconds(120));

        assertThat(latestCounts(run.output)).isEqualTo(expected);
        assertThat(stateCounts(redis.jedis(), run.prefix)).isEqualTo(expected);
        assertThat(sinkCounts(run.prefix)).isEqualTo(expected);
    }

    @Test
    void countsStayExactWhenThePipelineIsKilledAndRestartedInTheMiddle() throws Exception {
        Run run = new Run("restart", TestingRedis.URI);
        List<List<Record>> batches = randomLevels(50, 12, 2);
        MemoryStreams.feed(run.input, batches);
        Map<String, Long> expected = recount(batches);
        Path file = run.pipeline(work, "");

        TestPipelines.Running first = TestPipelines.start(TestPipelines.bind(file));
        await(() -> MemoryStreams.batches(run.output).size() >= 15, first);
        first.kill(Duration.ofSeconds(60));
        int writtenBeforeKill = MemoryStreams.batches(run.output).size();
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(run.reached(expected), Duration.ofSeconds(120));

        assertThat(writtenBeforeKill).as("killed mid-run").isLessThan(50);
        assertThat(stateCounts(redis.jedis(), run.prefix)).isEqualTo(expected);
        assertThat(sinkCounts(run.prefix)).isEqualTo(expected);
    }

    @Test
    void aBatchReplayedAfterItsStateWasWrittenIsNotAppliedTwice() throws Exception {
        try (TestingRedisServer server = new TestingRedisServer(work)) {
            server.start();
            Run run = new Run("replay", server.uri());
            List<List<Record>> batches = randomLevels(10, 12, 3);
            MemoryStreams.feed(run.input, batches);
            Map<String, Long> expected = recount(batches);
            // The first two commits of the memory sink fail after the state was written: the runtime
            // runs the batch's lineage again, state update included, twice.
            MemoryStreams.failNextCommits(run.output, 2);

            TestPipelines.start(TestPipelines.bind(run.pipeline(work, "retries = 3, retry-backoff = 100ms")))
                    .stopWhen(run.reached(expected), Duration.ofSeconds(90));

            try (JedisPooled state = new JedisPooled("127.0.0.1", server.port()); Jedis jedis = new Jedis("127.0.0.1", server.port())) {
                assertThat(stateCounts(state, run.prefix)).isEqualTo(expected);
                // State really went through Redis: a GET per key and batch. The two sinks share one
                // computation of the stateful stream (the planner keeps it for both), and the
                // retried sink reads that kept batch, so the exact counts above are the check that
                // nothing was applied twice; the replay guard itself is in RedisStateStoreContractTest.
                long batchKeys = batches.stream().mapToLong(b -> b.stream().map(r -> r.getString("level")).distinct().count()).sum();
                assertThat(calls(jedis, "get")).isGreaterThanOrEqualTo(batchKeys);
            }
            assertThat(latestCounts(run.output)).isEqualTo(expected);
        }
    }

    @Test
    void batchesFailWhileRedisIsStoppedAndAreRetriedUntilTheCountsAreExact() throws Exception {
        try (TestingRedisServer server = new TestingRedisServer(work)) {
            server.start();
            Run run = new Run("outage", server.uri());
            List<List<Record>> batches = randomLevels(40, 12, 4);
            MemoryStreams.feed(run.input, batches);
            Map<String, Long> expected = recount(batches);

            TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(run.pipeline(work,
                    "retries = 8, retry-backoff = 200ms", "timeout = 500ms")));
            await(() -> MemoryStreams.batches(run.output).size() >= 8, running);
            server.stop();
            int writtenWhenStopped = MemoryStreams.batches(run.output).size();
            Thread.sleep(3000);
            int writtenDuringOutage = MemoryStreams.batches(run.output).size() - writtenWhenStopped;
            server.start();
            running.stopWhen(run.reached(expected), Duration.ofSeconds(120));

            assertThat(writtenDuringOutage).as("batches written while Redis was down").isLessThanOrEqualTo(1);
            try (JedisPooled state = new JedisPooled("127.0.0.1", server.port())) {
                assertThat(stateCounts(state, run.prefix)).isEqualTo(expected);
            }
            assertThat(latestCounts(run.output).values().stream().mapToLong(Long::longValue).sum())
                    .as("nothing dropped").isEqualTo(batches.stream().mapToLong(List::size).sum());
        }
    }

    @Test
    void idleKeysExpireAndStartAgainFromNothing() throws Exception {
        Run run = new Run("ttl", TestingRedis.URI);
        List<List<Record>> batches = new ArrayList<>();
        batches.add(levels("INFO", "ERROR"));
        for (int i = 0; i < 20; i++) {
            batches.add(levels("INFO"));
        }
        MemoryStreams.feed(run.input, batches);
        Path file = run.pipeline(work, "", "", "idle-timeout = 3s");

        TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(file));
        await(() -> MemoryStreams.pending(run.input) == 0 && latestCounts(run.output).getOrDefault("INFO", 0L) == 21L, running);
        await(() -> stateCounts(redis.jedis(), run.prefix).size() == 1, running);
        assertThat(stateCounts(redis.jedis(), run.prefix)).containsOnlyKeys("INFO");
        assertThat(redis.jedis().pttl(stateKeys(redis.jedis(), run.prefix).get(0))).isBetween(1L, 3000L);

        MemoryStreams.feed(run.input, List.of(levels("ERROR")));
        running.stopWhen(() -> stateCounts(redis.jedis(), run.prefix).getOrDefault("ERROR", 0L) == 1L, Duration.ofSeconds(60));
        assertThat(latestCounts(run.output)).containsEntry("ERROR", 1L);
    }

    @Test
    void theCheckpointStoreOnHdfsGivesTheSameCountsAsRedis() throws Exception {
        List<List<Record>> batches = randomLevels(20, 12, 5);
        Map<String, Long> expected = recount(batches);

        Run inRedis = new Run("same-redis", TestingRedis.URI);
        MemoryStreams.feed(inRedis.input, batches);
        TestPipelines.start(TestPipelines.bind(inRedis.pipeline(work, ""))).stopWhen(inRedis.reached(expected), Duration.ofSeconds(90));

        Run inHdfs = new Run("same-hdfs", TestingRedis.URI);
        MemoryStreams.feed(inHdfs.input, batches);
        Path file = TestPipelines.write(work, "hdfs.conf", """
                pipeline { name = %s, batch-interval = 200ms, checkpoint = "%s" }
                sources = [ { type = memory, stream = %s } ]
                transforms = [ { type = stateful, key = [level] } ]
                state { type = checkpoint }
                sinks = [ { type = memory, stream = %s } ]
                """.formatted(inHdfs.name, MiniHdfs.get().uri("/sluice/" + inHdfs.name), inHdfs.input, inHdfs.output));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(inHdfs.reached(expected), Duration.ofSeconds(90));

        assertThat(stateCounts(redis.jedis(), inRedis.prefix)).isEqualTo(expected);
        assertThat(latestCounts(inHdfs.output)).isEqualTo(latestCounts(inRedis.output)).isEqualTo(expected);
    }

    /** One pipeline run's names: memory streams, key prefix and pipeline name, all unique. */
    private static final class Run {
        final String name;
        final String input;
        final String output;
        final String prefix;
        final String uri;

        Run(String name, String uri) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            this.name = "counts-" + name + "-" + id;
            this.input = this.name + "-in";
            this.output = this.name + "-out";
            this.prefix = redis.prefix(name);
            this.uri = uri;
        }

        /**
         * The seed's running counts with Redis state and two sinks: the memory sink the test reads,
         * and a redis sink writing {@code <prefix>:counts:<level>} hashes, as users read results.
         */
        Path pipeline(Path work, String memorySinkOptions, String... more) {
            String stateOptions = more.length > 0 ? more[0] : "";
            String transformOptions = more.length > 1 ? more[1] : "";
            return TestPipelines.write(work, name + ".conf", """
                    pipeline { name = %s, batch-interval = 200ms, checkpoint = "file:%s/%s" }
                    sources = [ { type = memory, stream = %s } ]
                    transforms = [ { type = stateful, key = [level] %s } ]
                    state { type = redis, uri = "%s", key-prefix = "%s" %s }
                    sinks = [
                      { type = memory, stream = %s %s }
                      { type = redis, uri = "%s", key = "%s:counts:${level}", fields = [count, updated_at] }
                    ]
                    """.formatted(name, work, name, input, comma(transformOptions), uri, prefix, comma(stateOptions), output,
                    comma(memorySinkOptions), uri, prefix));
        }

        BooleanSupplier reached(Map<String, Long> expected) {
            return () -> MemoryStreams.pending(input) == 0 && latestCounts(output).equals(expected);
        }

        private static String comma(String options) {
            return options.isEmpty() ? "" : ", " + options;
        }
    }

    private static void await(BooleanSupplier condition, TestPipelines.Running running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || running.outcome().isDone()) {
                throw new AssertionError("condition not reached" + (running.outcome().isDone() ? "; the pipeline ended" : " within 90s"));
            }
            Thread.sleep(50);
        }
    }

    static List<List<Record>> randomLevels(int batchCount, int maxPerBatch, long seed) {
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < batchCount; b++) {
            String[] levels = new String[random.nextInt(maxPerBatch + 1)];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = LEVELS[random.nextInt(LEVELS.length)];
            }
            batches.add(levels(levels));
        }
        return batches;
    }

    static List<Record> levels(String... levels) {
        List<Record> records = new ArrayList<>();
        for (String level : levels) {
            records.add(Record.builder().field("level", level).field("host", "web-1").build());
        }
        return records;
    }

    static Map<String, Long> recount(List<List<Record>> batches) {
        Map<String, Long> counts = new TreeMap<>();
        batches.forEach(batch -> batch.forEach(record -> counts.merge(record.getString("level"), 1L, Long::sum)));
        return counts;
    }

    /** Each level's count as of the latest batch that reported it. */
    static Map<String, Long> latestCounts(String output) {
        Map<String, Long> counts = new TreeMap<>();
        MemoryStreams.batches(output).values().forEach(batch -> batch.forEach(
                record -> counts.put(record.getString("level"), record.getLong("count"))));
        return counts;
    }

    private static List<String> stateKeys(UnifiedJedis jedis, String prefix) {
        return TestingRedis.keys(jedis, prefix + ":").stream().filter(key -> !key.startsWith(prefix + ":counts:")).toList();
    }

    /** The counts as the state store holds them: every state key under the prefix, decoded. */
    static Map<String, Long> stateCounts(UnifiedJedis jedis, String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : stateKeys(jedis, prefix)) {
            byte[] value = jedis.get(key.getBytes(StandardCharsets.UTF_8));
            if (value == null) {
                continue;
            }
            // The state key ends with the group key's encoding: a type letter, then the value.
            String level = key.substring(key.lastIndexOf(':') + 2);
            RedisStateCodec.decode(value).map(StoredState::state).ifPresent(state -> counts.put(level, state.getLong("rows")));
        }
        return counts;
    }

    /** The counts as the redis sink wrote them, as {@code redis-cli HGET <prefix>:counts:<level> count} shows them. */
    private static Map<String, Long> sinkCounts(String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : redis.keys(prefix + ":counts:")) {
            counts.put(key.substring(key.lastIndexOf(':') + 1), Long.parseLong(redis.jedis().hget(key, "count")));
        }
        return counts;
    }

    private static long calls(Jedis jedis, String command) {
        for (String line : jedis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1").trim());
            }
        }
        return 0;
    }
}
