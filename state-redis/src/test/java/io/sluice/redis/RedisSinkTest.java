package io.sluice.redis;

import static io.sluice.testkit.OptionsAssertions.NO_DEFAULT;
import static io.sluice.testkit.OptionsAssertions.assertDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.Sink;
import io.sluice.testkit.TestingPluginContext;
import io.sluice.testkit.TestingWriterContext;

/** The redis sink's partition writer against the machine's real Redis (pipelines run it in {@link RedisRunningCountsTest}). */
@Timeout(60)
class RedisSinkTest {
    @RegisterExtension
    static final TestingRedis redis = new TestingRedis();

    private static Sink sink(Map<String, Object> block) {
        Map<String, Object> options = new java.util.LinkedHashMap<>(block);
        options.put("uri", TestingRedis.URI);
        return new RedisSinkFactory().create(RedisSinkOptions.SPECS.parse(options), TestingPluginContext.of("sinks[0]"));
    }

    private static void writeBatch(Sink sink, Record... records) throws IOException {
        try (PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(1000, 0, 0))) {
            for (Record record : records) {
                writer.write(record);
            }
            writer.commit();
        }
    }

    private static Record count(String level, long count) {
        return Record.builder().field("level", level).field("count", count).field("updated_at", Instant.parse("2026-01-01T00:00:00Z"))
                .build();
    }

    @Test
    void writesHashesUnderTheKeyTemplateAndAReplayWritesTheSame() throws IOException {
        String prefix = redis.prefix("hash");
        Sink sink = sink(Map.of("key", prefix + ":counts:${level}", "fields", List.of("count", "updated_at")));

        writeBatch(sink, count("INFO", 3), count("ERROR", 1));
        writeBatch(sink, count("INFO", 3), count("ERROR", 1));

        assertThat(sink.delivery()).isEqualTo(SinkDelivery.IDEMPOTENT);
        assertThat(redis.jedis().hgetAll(prefix + ":counts:INFO")).containsExactlyInAnyOrderEntriesOf(
                Map.of("count", "3", "updated_at", "2026-01-01T00:00:00Z"));
        assertThat(redis.jedis().hgetAll(prefix + ":counts:ERROR")).containsEntry("count", "1").doesNotContainKey("level");
        assertThat(redis.jedis().pttl(prefix + ":counts:INFO")).isEqualTo(-1L);
    }

    @Test
    void writesStringsOfAFieldOrOfTheRecordAsJson() throws IOException {
        String prefix = redis.prefix("string");
        writeBatch(sink(Map.of("data-type", "string", "key", prefix + ":v:${level}", "value-field", "count")), count("WARN", 7));
        writeBatch(sink(Map.of("data-type", "string", "key", prefix + ":j:${level}")),
                Record.builder().field("level", "WARN").field("count", 7L).field("ratio", 0.5).field("ok", true).field("note", "a \"b\"\n")
                        .field("none", null).build());

        assertThat(redis.jedis().get(prefix + ":v:WARN")).isEqualTo("7");
        assertThat(redis.jedis().get(prefix + ":j:WARN"))
                .isEqualTo("{\"level\":\"WARN\",\"count\":7,\"ratio\":0.5,\"ok\":true,\"note\":\"a \\\"b\\\"\\n\",\"none\":null}");
    }

    @Test
    void writesSortedSetScoresWithATtl() throws IOException {
        String prefix = redis.prefix("zset");
        Sink sink = sink(Map.of("data-type", "sorted-set", "key", prefix + ":levels", "member-field", "level", "score-field", "count",
                "ttl", "1m"));

        writeBatch(sink, count("INFO", 3), count("ERROR", 1));
        writeBatch(sink, count("INFO", 5));

        assertThat(redis.jedis().zscore(prefix + ":levels", "INFO")).isEqualTo(5.0);
        assertThat(redis.jedis().zscore(prefix + ":levels", "ERROR")).isEqualTo(1.0);
        assertThat(redis.jedis().pttl(prefix + ":levels")).isBetween(50_000L, 60_000L);
    }

    @Test
    void aRecordWithoutTheKeyFieldIsRejectedAloneForTheDeadLetterPath() throws IOException {
        String prefix = redis.prefix("reject");
        Sink sink = sink(Map.of("key", prefix + ":counts:${level}"));
        try (PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(1000, 0, 0))) {
            assertThatThrownBy(() -> writer.write(Record.builder().field("count", 1L).build()))
                    .isInstanceOf(RecordException.class).hasMessageContaining("[level]");
            writer.write(count("INFO", 2));
            writer.commit();
        }
        assertThat(redis.jedis().hget(prefix + ":counts:INFO", "count")).isEqualTo("2");
    }

    @Test
    void anAbortedWriterSendsNothingItHadNotSentYet() throws IOException {
        String prefix = redis.prefix("abort");
        Sink sink = sink(Map.of("key", prefix + ":counts:${level}"));
        try (PartitionWriter writer = sink.writerFactory().create(TestingWriterContext.of(1000, 0, 0))) {
            writer.write(count("INFO", 2));
            writer.abort();
        }

        assertThat(redis.keys(prefix)).isEmpty();
    }

    @Test
    void aRefusedWriteFailsTheBatchNamingTheKey() {
        String prefix = redis.prefix("wrongtype");
        redis.jedis().set(prefix + ":counts:INFO", "not a hash");
        Sink sink = sink(Map.of("key", prefix + ":counts:${level}"));

        assertThatThrownBy(() -> writeBatch(sink, count("INFO", 2)))
                .isInstanceOf(SluiceException.class).hasMessageContaining(prefix + ":counts:INFO").hasMessageContaining("WRONGTYPE")
                .matches(e -> !((SluiceException) e).isRetriable());
    }

    @Test
    void everySinkOptionHasARecordedDefault() {
        assertDefaults(RedisSinkOptions.SPECS, Map.ofEntries(
                Map.entry("uri", NO_DEFAULT), Map.entry("password", NO_DEFAULT), Map.entry("database", NO_DEFAULT),
                Map.entry("sentinel-master", NO_DEFAULT), Map.entry("sentinels", NO_DEFAULT), Map.entry("cluster-nodes", NO_DEFAULT),
                Map.entry("pool-size", 8), Map.entry("timeout", Duration.ofSeconds(2)),
                Map.entry("data-type", RedisSinkOptions.DataType.HASH), Map.entry("key", NO_DEFAULT), Map.entry("fields", NO_DEFAULT),
                Map.entry("value-field", NO_DEFAULT), Map.entry("member-field", NO_DEFAULT), Map.entry("score-field", NO_DEFAULT),
                Map.entry("ttl", NO_DEFAULT)));
    }

    @Test
    void optionsThatDoNotFitTheDataTypeAreReported() {
        assertThatThrownBy(() -> sink(Map.of("data-type", "sorted-set", "key", "k")))
                .hasMessageContaining("needs options [member-field] and [score-field]");
        assertThatThrownBy(() -> sink(Map.of("key", "k", "value-field", "count")))
                .hasMessageContaining("option [value-field] applies to data-type [string] only, not [hash]");
        assertThatThrownBy(() -> sink(Map.of("key", "k:${level")))
                .hasMessageContaining("unclosed");
    }
}
