package io.sluice.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * Every built-in stream transform on controlled input: each batch interval takes the next fed
 * batch, so window and state results per batch are exact.
 */
@Timeout(120)
class StreamTransformsTest {
    @TempDir
    Path work;

    @Test
    void aggregatesPerBatch() throws Exception {
        String in = stream("agg-in");
        MemoryStreams.feed(in,
                List.of(hit("a", 100, 5), hit("a", 300, 7), hit("b", 50, 2.5)),
                List.of(hit("b", 10, 1)));
        List<List<Map<String, Object>>> batches = run(in, 2, """
                transforms = [ { type = aggregate, key = [host],
                                 aggregates = [count, "sum(bytes)", "min(ms) as fastest", "max(ms)", "avg(ms)"] } ]
                """);
        assertThat(batches.get(0)).containsExactly(
                row("host", "a", "count", 2L, "sum_bytes", 400L, "fastest", 5L, "max_ms", 7L, "avg_ms", 6.0),
                row("host", "b", "count", 1L, "sum_bytes", 50L, "fastest", 2.5, "max_ms", 2.5, "avg_ms", 2.5));
        assertThat(batches.get(1)).containsExactly(
                row("host", "b", "count", 1L, "sum_bytes", 10L, "fastest", 1L, "max_ms", 1L, "avg_ms", 1.0));
    }

    @Test
    void aggregatesOverSlidingWindowsWithMinAndMax() throws Exception {
        String in = stream("aggw-in");
        MemoryStreams.feed(in,
                List.of(hit("a", 1, 9)),
                List.of(hit("a", 1, 3)),
                List.of(hit("a", 1, 4)),
                List.of());
        List<List<Map<String, Object>>> batches = run(in, 4, """
                transforms = [ { type = aggregate, key = [host], aggregates = ["min(ms)", "max(ms)", count], window = 1s } ]
                """);
        assertThat(batches.subList(0, 4)).containsExactly(
                List.of(row("host", "a", "min_ms", 9L, "max_ms", 9L, "count", 1L)),
                List.of(row("host", "a", "min_ms", 3L, "max_ms", 9L, "count", 2L)),
                List.of(row("host", "a", "min_ms", 3L, "max_ms", 4L, "count", 2L)),
                List.of(row("host", "a", "min_ms", 4L, "max_ms", 4L, "count", 1L)));
    }

    @Test
    void windowEndsAtTheBatchTimeAndSpansTheWindow() throws Exception {
        String in = stream("aggt-in");
        MemoryStreams.feed(in, List.of(hit("a", 1, 1)));
        String out = stream("aggt-out");
        Path file = TestPipelines.write(work, "p.conf", pipeline(in, out, """
                transforms = [ { type = count-by-value, field = host, window = 1500ms } ]
                """));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> MemoryStreams.batches(out).size() >= 1, Duration.ofSeconds(60));
        Map.Entry<Long, List<Record>> first = MemoryStreams.batches(out).firstEntry();
        Record result = first.getValue().get(0);
        assertThat(result.get("window_end")).isEqualTo(Instant.ofEpochMilli(first.getKey()));
        assertThat(result.get("window_start")).isEqualTo(Instant.ofEpochMilli(first.getKey() - 1500));
    }

    @Test
    void windowPassesOnEveryRecordOfTheLastBatches() throws Exception {
        String in = stream("win-in");
        MemoryStreams.feed(in, List.of(hit("a", 1, 1)), List.of(hit("b", 2, 2)), List.of(hit("c", 3, 3)), List.of());
        List<List<Map<String, Object>>> batches = run(in, 4, """
                transforms = [ { type = window, length = 1s }, { type = select, fields = [host] } ]
                """);
        assertThat(batches.subList(0, 4)).containsExactly(
                List.of(row("host", "a")),
                List.of(row("host", "a"), row("host", "b")),
                List.of(row("host", "b"), row("host", "c")),
                List.of(row("host", "c")));
    }

    @Test
    void statefulKeepsRunningAggregatesInTheCheckpointStore() throws Exception {
        String in = stream("st-in");
        MemoryStreams.feed(in,
                List.of(hit("a", 10, 1), hit("b", 5, 1)),
                List.of(hit("a", 20, 1)),
                List.of(),
                List.of(hit("b", 1, 1), hit("a", 1, 1)));
        List<List<Map<String, Object>>> batches = run(in, 4, """
                transforms = [ { type = stateful, key = [host], aggregates = [count, "sum(bytes) as total"] },
                               { type = select, fields = [host, count, total] } ]
                """);
        assertThat(batches.subList(0, 4)).containsExactly(
                List.of(row("host", "a", "count", 1L, "total", 10L), row("host", "b", "count", 1L, "total", 5L)),
                List.of(row("host", "a", "count", 2L, "total", 30L)),
                List.of(),
                List.of(row("host", "a", "count", 3L, "total", 31L), row("host", "b", "count", 2L, "total", 6L)));
    }

    @Test
    void statefulCanEmitEveryKeyEachBatch() throws Exception {
        String in = stream("sta-in");
        MemoryStreams.feed(in, List.of(hit("a", 1, 1)), List.of(hit("b", 1, 1)), List.of());
        List<List<Map<String, Object>>> batches = run(in, 3, """
                transforms = [ { type = stateful, key = [host], emit = all }, { type = select, fields = [host, count] } ]
                """);
        assertThat(batches.subList(0, 3)).containsExactly(
                List.of(row("host", "a", "count", 1L)),
                List.of(row("host", "a", "count", 1L), row("host", "b", "count", 1L)),
                List.of(row("host", "a", "count", 1L), row("host", "b", "count", 1L)));
    }

    @Test
    void joinsTwoNamedStreamsByKeyWithinAWindow() throws Exception {
        String logs = stream("join-logs");
        String hosts = stream("join-hosts");
        MemoryStreams.feed(logs,
                List.of(Record.builder().field("host", "web-1").field("level", "ERROR").build(),
                        Record.builder().field("host", "web-9").field("level", "INFO").build()),
                List.of(),
                List.of(Record.builder().field("host", "web-1").field("level", "WARN").build()),
                List.of());
        MemoryStreams.feed(hosts,
                List.of(),
                List.of(Record.builder().field("host", "web-1").field("rack", "r7").field("level", "prod").build()),
                List.of(),
                List.of());
        String out = stream("join-out");
        Path file = TestPipelines.write(work, "join.conf", """
                pipeline { name = join, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = %s, name = logs }, { type = memory, stream = %s, name = hosts } ]
                transforms = [ { type = join, left = logs, right = hosts, on = [host], window = 1s, how = left },
                               { type = select, fields = [host, level, rack, hosts_level] } ]
                sinks = [ { type = memory, stream = %s } ]
                """.formatted(work, logs, hosts, out));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> MemoryStreams.batches(out).size() >= 4, Duration.ofSeconds(60));
        List<List<Map<String, Object>>> batches = sorted(out);
        assertThat(batches.subList(0, 4)).containsExactly(
                List.of(row("host", "web-1", "level", "ERROR", "rack", null, "hosts_level", null),
                        row("host", "web-9", "level", "INFO", "rack", null, "hosts_level", null)),
                List.of(row("host", "web-1", "level", "ERROR", "rack", "r7", "hosts_level", "prod"),
                        row("host", "web-9", "level", "INFO", "rack", null, "hosts_level", null)),
                List.of(row("host", "web-1", "level", "WARN", "rack", "r7", "hosts_level", "prod")),
                List.of(row("host", "web-1", "level", "WARN", "rack", null, "hosts_level", null)));
    }

    private List<List<Map<String, Object>>> run(String in, int batches, String transforms) throws Exception {
        String out = in.replace("-in", "-out");
        Path file = TestPipelines.write(work, "pipeline.conf", pipeline(in, out, transforms));
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(() -> MemoryStreams.batches(out).size() >= batches, Duration.ofSeconds(60));
        return sorted(out);
    }

    private String pipeline(String in, String out, String transforms) {
        return """
                pipeline { name = %s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = %s } ]
                %s
                sinks = [ { type = memory, stream = %s } ]
                """.formatted(in, work, in, transforms, out);
    }

    /** Each batch's records as field maps, sorted by their text so shuffles do not reorder them. */
    private static List<List<Map<String, Object>>> sorted(String stream) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (List<Record> batch : MemoryStreams.batches(stream).values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record record : batch) {
                Map<String, Object> fields = new LinkedHashMap<>(record.fields());
                fields.remove("window_start");
                fields.remove("window_end");
                rows.add(fields);
            }
            rows.sort(Comparator.comparing(Object::toString));
            batches.add(rows);
        }
        return batches;
    }

    private static String stream(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + (name.endsWith("-in") ? "-in" : "");
    }

    private static Record hit(String host, long bytes, double ms) {
        return Record.builder().field("host", host).field("bytes", bytes)
                .field("ms", ms == Math.rint(ms) ? (Object) (long) ms : (Object) ms).build();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
