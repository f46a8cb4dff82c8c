package io.sluice.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.core.TestPipelines;
import io.sluice.testkit.kafka.KafkaBroker;

/**
 * The shipped seed example, {@code examples/kafka-log-levels.conf}, against a real broker: a
 * producer fills {@code log_topic}, the run is killed part way and started again, and the
 * per-batch counts it wrote add up to exactly what was produced.
 */
@Timeout(300)
class KafkaExampleTest {
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};
    private static final int LINES = 12_000;

    private final KafkaBroker broker = KafkaBroker.shared();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void countsExactlyWhatWasProducedAcrossAKillAndRestart() throws Exception {
        broker.createTopic("log_topic", 4);
        Map<String, Long> expected = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String level = LEVELS[i % LEVELS.length];
            records.add(new ProducerRecord<>("log_topic", i % 4, null,
                    ("2026-11-30T07:00:00Z,web-" + (i % 5) + "," + level + ",request " + i).getBytes(UTF_8)));
            expected.merge(level, 1L, Long::sum);
        }
        broker.produce(records);

        Path example = Path.of("..", "examples", "kafka-log-levels.conf");
        String[] overrides = {
            "pipeline.checkpoint=\"file:" + work.resolve("checkpoint") + "\"",
            "pipeline.batch-interval=1s",
            "sources.0.bootstrap-servers=\"" + broker.bootstrapServers() + "\"",
            // About 15 batches, so the kill lands part way.
            "sources.0.max-rate-per-partition=200",
            "sinks.2.path=\"file:" + work.resolve("windows") + "\"",
            "sinks.3.path=\"file:" + work.resolve("batches") + "\"",
            "errors.dead-letter.path=\"file:" + work.resolve("dead-letters") + "\"",
        };
        TestPipelines.start(TestPipelines.bind(example, overrides))
                .killWhen(() -> total(perBatchCounts()) >= 2_000, Duration.ofSeconds(120));
        assertThat(total(perBatchCounts())).as("killed part way").isLessThan(LINES);

        TestPipelines.start(TestPipelines.bind(example, overrides))
                .stopWhen(() -> total(perBatchCounts()) >= LINES, Duration.ofSeconds(150));
        assertThat(perBatchCounts()).isEqualTo(expected);
    }

    /** Every complete per-batch directory's counts, summed per level. */
    private Map<String, Long> perBatchCounts() {
        Map<String, Long> counts = new TreeMap<>();
        Path batches = work.resolve("batches");
        if (!Files.isDirectory(batches)) {
            return counts;
        }
        try (Stream<Path> directories = Files.list(batches)) {
            for (Path batch : directories.filter(dir -> Files.exists(dir.resolve("_SUCCESS"))).toList()) {
                try (Stream<Path> parts = Files.list(batch)) {
                    for (Path part : parts.filter(file -> file.getFileName().toString().startsWith("part-")).toList()) {
                        for (String line : Files.readAllLines(part, UTF_8)) {
                            JsonNode row = json.readTree(line);
                            counts.merge(row.get("level").asText(), row.get("count").asLong(), Long::sum);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
