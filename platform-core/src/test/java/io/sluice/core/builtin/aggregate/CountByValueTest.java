package io.sluice.core.builtin.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

@Timeout(120)
class CountByValueTest {
    @TempDir
    Path work;

    @Test
    void countsPerSlidingWindowWithInverseReduce() throws Exception {
        MemoryStreams.feed("cbv-in",
                levels("INFO", "INFO", "ERROR"),
                levels("INFO"),
                levels("WARN", "ERROR"),
                levels(),
                levels());
        Path file = TestPipelines.write(work, "cbv.conf", """
                pipeline { name = cbv, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = cbv-in } ]
                transforms = [ { type = count-by-value, field = level, window = 1s } ]
                sinks = [ { type = memory, stream = cbv-out } ]
                """.formatted(work));
        TestPipelines.start(TestPipelines.bind(file))
                .stopWhen(() -> MemoryStreams.batches("cbv-out").size() >= 5, Duration.ofSeconds(60));

        List<Map<String, Long>> windows = new ArrayList<>();
        for (List<Record> batch : MemoryStreams.batches("cbv-out").values()) {
            Map<String, Long> counts = new TreeMap<>();
            batch.forEach(record -> counts.put(record.getString("level"), record.getLong("count")));
            windows.add(counts);
        }
        assertThat(windows.subList(0, 5)).containsExactly(
                Map.of("ERROR", 1L, "INFO", 2L),
                Map.of("ERROR", 1L, "INFO", 3L),
                Map.of("ERROR", 1L, "INFO", 1L, "WARN", 1L),
                Map.of("ERROR", 1L, "WARN", 1L),
                Map.of());
    }

    private static List<Record> levels(String... levels) {
        List<Record> records = new ArrayList<>();
        for (String level : levels) {
            records.add(Record.builder().field("level", level).build());
        }
        return records;
    }
}
