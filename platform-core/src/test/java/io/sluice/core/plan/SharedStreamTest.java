package io.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/** A named stream that several steps read is computed once per batch, not once per reader. */
@Timeout(120)
class SharedStreamTest {
    @TempDir
    Path work;

    @Test
    void aStreamReadTwiceRunsItsStepsOnce() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.feed("sh-" + id, List.of(
                Record.builder().field("level", "INFO").field("host", "a").build(),
                Record.builder().field("level", "INFO").field("host", "b").build(),
                Record.builder().field("level", "WARN").field("host", "a").build()));
        Path file = TestPipelines.write(work, "shared.conf", """
                pipeline { name = sh-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = sh-%s } ]
                transforms = [
                  { type = map, name = lines, class = io.sluice.core.plan.TestingCountingFunction }
                  { type = count-by-value, name = by-level, input = lines, field = level }
                  { type = count-by-value, name = by-host, input = lines, field = host }
                ]
                sinks = [
                  { type = memory, stream = sh-%s-levels, input = by-level }
                  { type = memory, stream = sh-%s-hosts, input = by-host }
                ]
                """.formatted(id, work, id, id, id));
        long before = TestingCountingFunction.CALLS.get();
        TestPipelines.start(TestPipelines.bind(file)).stopWhen(
                () -> MemoryStreams.records("sh-" + id + "-levels").size() == 2 && MemoryStreams.records("sh-" + id + "-hosts").size() == 2,
                Duration.ofSeconds(60));

        assertThat(TestingCountingFunction.CALLS.get() - before).as("each record through the shared steps once").isEqualTo(3);
        assertThat(MemoryStreams.records("sh-" + id + "-levels"))
                .extracting(record -> record.getString("level") + "=" + record.getLong("count"))
                .containsExactlyInAnyOrder("INFO=2", "WARN=1");
        assertThat(MemoryStreams.records("sh-" + id + "-hosts"))
                .extracting(record -> record.getString("host") + "=" + record.getLong("count"))
                .containsExactlyInAnyOrder("a=2", "b=1");
    }
}
