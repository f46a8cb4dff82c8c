package io.sluice.core.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * Bad records under both tolerances: with {@code all} every input is accounted for as written,
 * filtered or dead-lettered; with {@code none} the pipeline stops naming the record's origin.
 */
@Timeout(120)
class DeadLetterTest {
    @TempDir
    Path work;

    private static final String TRANSFORMS = """
            transforms = [
              { type = parse, format = csv, fields = [ts, host, level, message] }
              { type = filter, expression = "level != 'DEBUG'" }
              { type = select, fields = [host, level] }
            ]
            """;

    @Test
    void toleratedBadRecordsReachTheDeadLetterSinkAndCountsReconcile() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        List<Record> batch = new ArrayList<>();
        batch.add(line(id, 0, "2026-11-30T07:00:00Z,web-1,INFO,started"));
        batch.add(line(id, 1, "2026-11-30T07:00:01Z,web-2,ERROR,\"disk, full\""));
        batch.add(line(id, 2, "2026-11-30T07:00:02Z,web-1,DEBUG,noise"));
        batch.add(line(id, 3, "2026-11-30T07:00:03Z,web-3,\"WARN,unterminated"));
        batch.add(line(id, 4, "2026-11-30T07:00:04Z,web-3,WARN"));
        batch.add(Record.builder().payload(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, ',', 'x', ',', 'y'})
                .origin(new Origin("logs", "p-" + id, 5)).build());
        batch.add(line(id, 6, "2026-11-30T07:00:06Z,web-4,ERROR,\"quoted \"\"twice\"\"\""));
        MemoryStreams.feed("dl-" + id, batch);

        Path file = TestPipelines.write(work, "dl.conf", """
                pipeline { name = dl-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = dl-%s, name = logs } ]
                %s
                sinks = [ { type = memory, stream = dl-%s-out } ]
                errors { tolerance = all, dead-letter = { type = memory, stream = dl-%s-dlq } }
                """.formatted(id, work, id, TRANSFORMS, id, id));
        TestPipelines.start(TestPipelines.bind(file))
                .stopWhen(() -> !MemoryStreams.records("dl-" + id + "-dlq").isEmpty(), Duration.ofSeconds(60));

        List<Record> written = MemoryStreams.records("dl-" + id + "-out");
        List<Record> deadLetters = MemoryStreams.records("dl-" + id + "-dlq");
        assertThat(written).extracting(record -> record.getString("host") + " " + record.getString("level"))
                .containsExactlyInAnyOrder("web-1 INFO", "web-2 ERROR", "web-4 ERROR");
        int filtered = 1;
        assertThat(written.size() + filtered + deadLetters.size()).as("read = written + filtered + dead-lettered").isEqualTo(batch.size());

        assertThat(deadLetters).extracting(record -> record.getLong("origin_offset")).containsExactlyInAnyOrder(3L, 4L, 5L);
        for (Record deadLetter : deadLetters) {
            assertThat(deadLetter.getString("failed_step")).isEqualTo("transforms[0] (parse)");
            assertThat(deadLetter.getString("origin_source")).isEqualTo("logs");
            assertThat(deadLetter.getString("origin_partition")).isEqualTo("p-" + id);
        }
        Record wrongCount = deadLetters.stream().filter(record -> record.getLong("origin_offset") == 4).findFirst().orElseThrow();
        assertThat(wrongCount.getString("error")).contains("expected [4], got [3]");
        assertThat(wrongCount.getString("payload")).isEqualTo("2026-11-30T07:00:04Z,web-3,WARN");
        Record invalidUtf8 = deadLetters.stream().filter(record -> record.getLong("origin_offset") == 5).findFirst().orElseThrow();
        assertThat(invalidUtf8.payload()).as("raw bytes kept").hasSize(8);
    }

    @Test
    void recordsASinkRejectsJoinTheBatchsOtherDeadLetters() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.feed("dr-" + id, List.of(
                line(id, 0, "2026-11-30T07:00:00Z,web-1,INFO,ok"),
                line(id, 1, "2026-11-30T07:00:01Z,web-2,ERROR,bad"),
                line(id, 2, "not,csv")));
        Path file = TestPipelines.write(work, "dr.conf", """
                pipeline { name = dr-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = dr-%s, name = logs } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = filter, expression = "true" }
                  { type = map, class = io.sluice.core.plan.TestingFlagErrors }
                ]
                sinks = [ { type = memory, stream = dr-%s-out, reject-field = flagged } ]
                errors { tolerance = all, dead-letter = { type = memory, stream = dr-%s-dlq } }
                """.formatted(id, work, id, id, id));
        TestPipelines.start(TestPipelines.bind(file))
                .stopWhen(() -> MemoryStreams.records("dr-" + id + "-dlq").size() >= 2, Duration.ofSeconds(60));

        assertThat(MemoryStreams.records("dr-" + id + "-out")).extracting(record -> record.getString("level")).containsExactly("INFO");
        assertThat(MemoryStreams.records("dr-" + id + "-dlq"))
                .extracting(record -> record.getLong("origin_offset") + " " + record.getString("failed_step"))
                .containsExactlyInAnyOrder("1 sinks[0] (memory)", "2 transforms[0] (parse)");
    }

    @Test
    void anUntoleratedBadRecordStopsThePipelineNamingItsOrigin() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.feed("dn-" + id, List.of(line(id, 0, "2026-11-30T07:00:00Z,web-1,INFO,ok"), line(id, 1, "only,three,fields")));
        Path file = TestPipelines.write(work, "dn.conf", """
                pipeline { name = dn-%s, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = dn-%s, name = logs } ]
                %s
                sinks = [ { type = memory, stream = dn-%s-out } ]
                """.formatted(id, work, id, TRANSFORMS, id));
        Throwable failure = TestPipelines.start(TestPipelines.bind(file)).awaitFailure(Duration.ofSeconds(60));
        assertThat(failure).isInstanceOf(RecordFailureException.class)
                .hasMessageStartingWith("record from [logs/p-" + id + "@1] failed in transforms[0] (parse): ")
                .hasMessageContaining("expected [4], got [3]")
                .hasMessageEndingWith("(set errors.tolerance = all and a dead-letter sink to keep going)");
        assertThat(MemoryStreams.records("dn-" + id + "-out")).as("the failed batch wrote nothing").isEmpty();
    }

    private static Record line(String id, long offset, String text) {
        return Record.builder().payload(text.getBytes(UTF_8)).origin(new Origin("logs", "p-" + id, offset)).build();
    }
}
