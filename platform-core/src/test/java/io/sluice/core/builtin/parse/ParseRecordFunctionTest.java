package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.ORIGIN;
import static io.sluice.core.builtin.parse.TestingParseTransform.apply;
import static io.sluice.core.builtin.parse.TestingParseTransform.function;
import static io.sluice.core.builtin.parse.TestingParseTransform.parse;
import static io.sluice.core.builtin.parse.TestingParseTransform.parsed;
import static io.sluice.core.builtin.parse.TestingParseTransform.textRecord;
import static io.sluice.core.builtin.parse.TestingParseTransform.with;
import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

class ParseRecordFunctionTest {
    private static final Map<String, Object> CSV = Map.of("format", "csv", "fields", List.of("a", "b"));
    private static final byte[] INVALID_UTF8 = {'a', ',', (byte) 0xC3, (byte) 0x28};

    @Test
    void decodesMultiByteUtf8() throws Exception {
        assertThat(parse(CSV, "é,日本")).containsExactly(parsed("é,日本", "a", "é", "b", "日本"));
    }

    @Test
    void rejectsInvalidUtf8InThePayloadNamingTheOffset() {
        Record record = Record.builder().payload(INVALID_UTF8).origin(ORIGIN).build();
        assertThatThrownBy(() -> apply(function(CSV), record))
                .isInstanceOf(RecordException.class)
                .hasMessage("payload is not valid UTF-8: malformed bytes at offset [2]");
    }

    @Test
    void rejectsARecordWithoutPayload() {
        Record record = Record.builder().origin(ORIGIN).build();
        assertThatThrownBy(() -> apply(function(CSV), record))
                .isInstanceOf(RecordException.class)
                .hasMessage("record has no payload to parse");
    }

    @Test
    void parsesANamedFieldKeepingExistingFields() throws Exception {
        Record record = textRecord("raw").toBuilder().field("line", "1,2").field("a", "old").build();
        assertThat(apply(function(with(CSV, "from", "line")), record)).containsExactly(
                textRecord("raw").toBuilder().field("line", "1,2").field("a", "1").field("b", "2").build());
    }

    @Test
    void parsesABytesFieldStrictly() throws Exception {
        RecordFunction function = function(with(CSV, "from", "raw"));
        Record good = textRecord("x").toBuilder().field("raw", "1,2".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(apply(function, good)).containsExactly(good.toBuilder().field("a", "1").field("b", "2").build());
        Record bad = textRecord("x").toBuilder().field("raw", INVALID_UTF8).build();
        assertThatThrownBy(() -> apply(function, bad))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [raw] is not valid UTF-8: malformed bytes at offset [2]");
    }

    @Test
    void rejectsAMissingOrNonTextFromField() {
        RecordFunction function = function(with(CSV, "from", "line"));
        assertThatThrownBy(() -> apply(function, textRecord("x")))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [line] to parse is missing or null");
        assertThatThrownBy(() -> apply(function, textRecord("x").toBuilder().field("line", 5L).build()))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [line] to parse is of type [long], expected a string or bytes");
    }

    @Test
    void convertsDeclaredTypes() throws Exception {
        Map<String, Object> options = Map.of("format", "csv", "fields", List.of("s", "l", "d", "b", "t", "m", "n"),
                "types", Map.of("s", "string", "l", "long", "d", "double", "b", "boolean", "t", "timestamp", "m", "timestamp"));
        String line = "x,-42,2.5,TRUE,2024-01-02T03:04:05+02:00,1700000000123,";
        assertThat(parse(options, line)).containsExactly(parsed(line,
                "s", "x",
                "l", -42L,
                "d", 2.5,
                "b", true,
                "t", Instant.parse("2024-01-02T01:04:05Z"),
                "m", Instant.ofEpochMilli(1_700_000_000_123L),
                "n", ""));
    }

    @Test
    void convertsTypedJsonValues() throws Exception {
        Map<String, Object> options = Map.of("format", "json",
                "types", Map.of("l", "double", "d", "long", "b", "string", "t", "timestamp"));
        String line = "{\"l\":3,\"d\":4.0,\"b\":true,\"t\":1700000000123}";
        assertThat(parse(options, line)).containsExactly(parsed(line,
                "l", 3.0, "d", 4L, "b", "true", "t", Instant.ofEpochMilli(1_700_000_000_123L)));
    }

    @Test
    void rejectsBadConversionsNamingFieldAndTypeButNotLongValues() {
        Map<String, Object> options = Map.of("format", "kv", "types",
                Map.of("l", "long", "d", "double", "b", "boolean", "t", "timestamp"));
        assertThatThrownBy(() -> parse(options, "l=4.5"))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [l] cannot be converted to [long]: value [4.5]");
        assertThatThrownBy(() -> parse(options, "d=1.5d"))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [d] cannot be converted to [double]: value [1.5d]");
        assertThatThrownBy(() -> parse(options, "b=yes"))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [b] cannot be converted to [boolean]: value [yes]");
        assertThatThrownBy(() -> parse(options, "t=yesterday"))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [t] cannot be converted to [timestamp]: value [yesterday]");
        assertThatThrownBy(() -> parse(options, "l=" + "9".repeat(40)))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [l] cannot be converted to [long]: value of [40] characters");
    }

    @Test
    void setsEventTimeFromAField() throws Exception {
        Map<String, Object> options = Map.of("format", "csv", "fields", List.of("ts", "msg"), "event-time", "ts");
        assertThat(parse(options, "2024-01-01T00:00:01Z,x")).containsExactly(
                parsed("2024-01-01T00:00:01Z,x", "ts", "2024-01-01T00:00:01Z", "msg", "x").toBuilder()
                        .eventTime(1_704_067_201_000L).build());
        assertThat(parse(options, "1704067201000,x")).containsExactly(
                parsed("1704067201000,x", "ts", "1704067201000", "msg", "x").toBuilder()
                        .eventTime(1_704_067_201_000L).build());
        Map<String, Object> typed = with(options, "types", Map.of("ts", "timestamp"));
        assertThat(parse(typed, "1704067201000,x")).containsExactly(
                parsed("1704067201000,x", "ts", Instant.ofEpochMilli(1_704_067_201_000L), "msg", "x").toBuilder()
                        .eventTime(1_704_067_201_000L).build());
    }

    @Test
    void rejectsAMissingOrBadEventTime() {
        Map<String, Object> options = Map.of("format", "kv", "event-time", "ts");
        assertThatThrownBy(() -> parse(options, "a=1"))
                .isInstanceOf(RecordException.class)
                .hasMessage("event-time field [ts] is missing or null");
        assertThatThrownBy(() -> parse(options, "ts=noon"))
                .isInstanceOf(RecordException.class)
                .hasMessage("event-time field [ts] is not a timestamp: value [noon]");
    }

    @Test
    void dropsThePayloadWhenAsked() throws Exception {
        assertThat(parse(with(CSV, "keep-payload", false), "1,2")).containsExactly(
                Record.builder().key("k1").origin(ORIGIN).field("a", "1").field("b", "2").build());
    }

    @Test
    void canBeSharedByConcurrentTasks() throws Exception {
        // One function instance serves several task threads of an executor; decoders must not be shared.
        RecordFunction function = function(Map.of("format", "json"));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                String word = "wört-" + task;
                results.add(executor.submit(() -> {
                    String line = "{\"w\":\"" + word + "\"}";
                    for (int i = 0; i < 5_000; i++) {
                        if (!apply(function, textRecord(line)).equals(List.of(parsed(line, "w", word)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void survivesJavaSerializationForEveryFormat() throws Exception {
        assertRoundTrip(CSV, "1,\"é\"", parsed("1,\"é\"", "a", "1", "b", "é"));
        assertRoundTrip(Map.of("format", "json"), "{\"a\":1}", parsed("{\"a\":1}", "a", 1L));
        assertRoundTrip(Map.of("format", "regex", "pattern", "(?<a>\\d+)"), "x 12", parsed("x 12", "a", "12"));
        assertRoundTrip(Map.of("format", "kv", "pair-separator", ",", "types", Map.of("a", "long")), "a=1,b=2",
                parsed("a=1,b=2", "a", 1L, "b", "2"));
    }

    private static void assertRoundTrip(Map<String, Object> options, String line, Record expected) throws Exception {
        RecordFunction original = function(options);
        // Use it first, so lazily built helpers exist and must be skipped by serialization.
        assertThat(apply(original, textRecord(line))).containsExactly(expected);
        RecordFunction copy = roundTrip(original);
        assertThat(copy).isNotSameAs(original);
        assertThat(apply(copy, textRecord(line))).containsExactly(expected);
    }

    @Test
    void prunedForItsReadersSetsOnlyTheFieldsTheyReadAndTypedOnes() throws Exception {
        RecordFunction pruned = function(Map.of("format", "csv", "fields", List.of("ts", "host", "level", "ms"), "types", Map.of("ms", "long")))
                .pruneOutput(FieldSet.of("level"));

        assertThat(apply(pruned, textRecord("t1,web-1,INFO,12")).get(0).fields())
                .containsOnly(Map.entry("level", "INFO"), Map.entry("ms", 12L));
        // A typed field nobody reads still converts, so the same records are rejected as unpruned.
        assertThatThrownBy(() -> apply(pruned, textRecord("t1,web-1,INFO,twelve")))
                .isInstanceOf(RecordException.class).hasMessageContaining("field [ms]");
        assertThat(apply(pruned.pruneOutput(FieldSet.all()), textRecord("t1,web-1,INFO,12")).get(0).fieldNames())
                .containsExactly("level", "ms");
    }

    @Test
    void prunedForReadersOfParsedFieldsOnlyItLeavesTheInputFieldsBehind() throws Exception {
        RecordFunction parse = function(CSV);
        Record input = Record.builder().payload("1,2".getBytes(StandardCharsets.UTF_8)).field("offset", 7L).key("k").origin(ORIGIN).build();

        Record parsedOnly = apply(parse.pruneOutput(FieldSet.of("a")), input).get(0);
        assertThat(parsedOnly.fields()).containsOnly(Map.entry("a", "1"));
        assertThat(parsedOnly.payload()).as("nobody reads it").isNull();
        assertThat(apply(parse.pruneOutput(FieldSet.of("a").withPayload()), input).get(0).payload()).isEqualTo(input.payload());
        assertThat(parsedOnly.key()).isEqualTo("k");
        assertThat(parsedOnly.origin()).isEqualTo(ORIGIN);
        assertThat(apply(parse.pruneOutput(FieldSet.of("a", "offset")), input).get(0).fields())
                .containsOnly(Map.entry("offset", 7L), Map.entry("a", "1"));
    }

    @Test
    void aPrunedParseSerializesWithoutItsDerivedColumnFlags() throws Exception {
        RecordFunction pruned = function(Map.of("format", "csv", "fields", List.of("ts", "host", "level", "ms"))).pruneOutput(FieldSet.of("level"));
        assertThat(apply(pruned, textRecord("t1,web-1,INFO,12")).get(0).fields()).containsOnly(Map.entry("level", "INFO"));

        RecordFunction copy = roundTrip(pruned);

        assertThat(apply(copy, textRecord("t1,web-1,WARN,12")).get(0).fields()).containsOnly(Map.entry("level", "WARN"));
    }

    @Test
    void readsOnlyItsSourceFieldBesidesWhatPassesThrough() {
        RecordFunction fromPayload = function(CSV);
        RecordFunction fromField = function(with(CSV, "from", "line"));

        assertThat(fromPayload.requiredFields(FieldSet.of("a", "x"))).isEqualTo(FieldSet.of("a", "x").withPayload());
        assertThat(fromField.requiredFields(FieldSet.of("a"))).isEqualTo(FieldSet.of("a", "line"));
        assertThat(fromField.requiredFields(FieldSet.of("a").withPayload())).isEqualTo(FieldSet.of("a", "line").withPayload());
        assertThat(fromField.requiredFields(FieldSet.all()).isAll()).isTrue();
    }
}
