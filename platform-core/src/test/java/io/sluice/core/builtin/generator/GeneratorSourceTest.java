package io.sluice.core.builtin.generator;

import static io.sluice.testkit.OptionsAssertions.NO_DEFAULT;
import static io.sluice.testkit.OptionsAssertions.assertDefaults;
import static io.sluice.testkit.OptionsAssertions.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Options;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.source.Positions;
import io.sluice.api.source.Source;
import io.sluice.core.builtin.TestingSourceContext;
import io.sluice.core.builtin.TestingSpark;
import io.sluice.testkit.TestingPluginContext;
import scala.reflect.ClassTag$;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
@SuppressWarnings("deprecation")
class GeneratorSourceTest {
    private static final String LINE_SHAPE =
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,web-[1-8],(DEBUG|INFO|WARN|ERROR),[^,]+";
    // Pinned, so a change to the generator that alters its output is a visible decision.
    private static final String GOLDEN_LINE_0 = "2026-11-30T07:00:00.000Z,web-1,INFO,GET /orders/96985 200";
    private static final Map<String, Object> OPTIONS = Map.of(
            "rate", 50, "partitions", 2, "start-time", "2026-11-30T07:00:00Z");

    // Filled by foreachRDD functions, which Spark serializes with the graph because the test
    // checkpoints it: a static field keeps them free of captured state.
    private static final Map<Long, List<Record>> FRESH = new ConcurrentSkipListMap<>();
    private static final Map<Long, List<Record>> RESUMED = new ConcurrentSkipListMap<>();

    @TempDir
    static Path checkpoint;

    private static TestingSpark spark;
    private static GeneratorInputDStream freshStream;
    private static GeneratorSource freshSource;
    private static GeneratorSource resumedSource;

    @BeforeAll
    static void runGenerators() throws Exception {
        spark = TestingSpark.start(GeneratorSourceTest.class);
        JavaStreamingContext streaming = spark.streamingContext(Duration.ofMillis(200));
        // Checkpointing makes Spark serialize the DStream graph at start and every batch.
        streaming.checkpoint(checkpoint.toUri().toString());

        freshSource = create(OPTIONS);
        JavaDStream<Record> fresh = freshSource.open(TestingSourceContext.fresh(streaming, "logs"));
        freshStream = (GeneratorInputDStream) fresh.dstream();
        fresh.foreachRDD((rdd, time) -> {
            FRESH.put(time.milliseconds(), rdd.collect());
        });

        resumedSource = create(OPTIONS);
        JavaDStream<Record> resumed = resumedSource.open(new TestingSourceContext(streaming, "resumed",
                Optional.of(Positions.of(Map.of(GeneratorSource.PARTITION, "1000")))));
        resumed.foreachRDD((rdd, time) -> {
            RESUMED.put(time.milliseconds(), rdd.collect());
        });

        streaming.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((FRESH.size() < 4 || RESUMED.size() < 4) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(FRESH).hasSizeGreaterThanOrEqualTo(4);
        assertThat(RESUMED).hasSizeGreaterThanOrEqualTo(4);
    }

    @AfterAll
    static void stopSpark() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    private static GeneratorSource create(Map<String, Object> raw) {
        GeneratorSourceFactory factory = new GeneratorSourceFactory();
        Options options = factory.options().parse(raw);
        return (GeneratorSource) factory.create(options, TestingPluginContext.of("logs"));
    }

    private static GeneratorLines lines(long seed) {
        return new GeneratorLines(seed, 50, Instant.parse("2026-11-30T07:00:00Z").toEpochMilli(),
                List.of("DEBUG", "INFO", "WARN", "ERROR"), List.of(10, 60, 20, 10), 8);
    }

    @Test
    void sameSeedSameLinesOtherSeedOtherLines() {
        List<String> first = LongStream.range(0, 500).mapToObj(lines(42)::line).toList();
        List<String> again = LongStream.range(0, 500).mapToObj(lines(42)::line).toList();
        List<String> other = LongStream.range(0, 500).mapToObj(lines(43)::line).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // Any record is computable alone, in any order.
        assertThat(lines(42).line(317)).isEqualTo(first.get(317));
    }

    @Test
    void linesHaveTheSeedShape() {
        GeneratorLines lines = lines(42);
        assertThat(LongStream.range(0, 2000).mapToObj(lines::line)).allMatch(line -> line.matches(LINE_SHAPE));
        // Record N is stamped N / rate seconds after the start time.
        assertThat(lines.line(0)).startsWith("2026-11-30T07:00:00.000Z,");
        assertThat(lines.line(51)).startsWith("2026-11-30T07:00:01.020Z,");
        assertThat(lines.line(0)).isEqualTo(GOLDEN_LINE_0);
    }

    @Test
    void levelsFollowTheirWeights() {
        GeneratorLines lines = lines(7);
        Map<String, Integer> counts = new HashMap<>();
        LongStream.range(0, 20_000).mapToObj(lines::line).forEach(line -> counts.merge(line.split(",")[2], 1, Integer::sum));

        assertThat(counts.get("DEBUG")).isBetween(1_700, 2_300);
        assertThat(counts.get("INFO")).isBetween(11_500, 12_500);
        assertThat(counts.get("WARN")).isBetween(3_600, 4_400);
        assertThat(counts.get("ERROR")).isBetween(1_700, 2_300);
    }

    @Test
    void batchesAreContiguousAndCarryOrigins() {
        List<Record> all = FRESH.values().stream().flatMap(List::stream).toList();
        // rate 50/s and 200 ms batches: 10 records a batch, numbered from 0 without gaps.
        assertThat(FRESH.values()).allSatisfy(batch -> assertThat(batch).hasSize(10));
        assertThat(all).extracting(record -> record.origin().offset())
                .containsExactlyElementsOf(LongStream.range(0, all.size()).boxed().toList());
        GeneratorLines expected = lines(42);
        assertThat(all).allSatisfy(record -> {
            assertThat(record.origin()).isEqualTo(new Origin("logs", "generator", record.origin().offset()));
            assertThat(record.payloadAsString()).isEqualTo(expected.line(record.origin().offset()));
            assertThat(record.eventTime()).isEqualTo(expected.timestampOf(record.origin().offset()));
        });
    }

    @Test
    void replayedBatchRegeneratesTheSameRecords() {
        for (Map.Entry<Long, List<Record>> batch : FRESH.entrySet()) {
            JavaRDD<Record> replayed = JavaRDD.fromRDD(freshStream.compute(new Time(batch.getKey())).get(),
                    ClassTag$.MODULE$.apply(Record.class));
            assertThat(replayed.collect()).isEqualTo(batch.getValue());
        }
    }

    @Test
    void positionsAreTheNextSequenceNumberOfEachBatch() {
        long firstBatch = FRESH.keySet().iterator().next();
        assertThat(freshSource.positions()).isPresent();
        assertThat(freshSource.positions().get().positionsOf(firstBatch))
                .contains(Positions.of(Map.of("generator", "10")));

        freshSource.positions().get().commit(firstBatch);
        assertThat(freshSource.positions().get().positionsOf(firstBatch)).isEmpty();
    }

    @Test
    void resumesFromStoredPositions() {
        long firstBatch = RESUMED.keySet().iterator().next();
        List<Record> first = RESUMED.get(firstBatch);

        assertThat(first).extracting(record -> record.origin().offset())
                .containsExactlyElementsOf(LongStream.range(1000, 1010).boxed().toList());
        assertThat(first.get(0).payloadAsString()).isEqualTo(lines(42).line(1000));
        assertThat(resumedSource.positions().get().positionsOf(firstBatch))
                .contains(Positions.of(Map.of("generator", "1010")));
    }

    @Test
    void graphIsCheckpointed() throws Exception {
        try (Stream<Path> files = Files.list(checkpoint)) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("checkpoint-"));
        }
    }

    @Test
    void batchBoundsFollowTheRateAndStopAtTheLimit() {
        assertThat(freshStream.rangeOf(FRESH.keySet().iterator().next())).isEqualTo(new GeneratorRange(0, 10));
        // 3 records a second: batches of 200 ms get 0 or 1 records, and none are lost between them.
        assertThat(LongStream.rangeClosed(0, 5).map(batch -> GeneratorInputDStream.endOf(batch * 200, 0, 3, 0)))
                .containsExactly(0L, 0L, 1L, 1L, 2L, 3L);
        assertThat(GeneratorInputDStream.endOf(10_000, 0, 1000, 25)).isEqualTo(25);
        assertThat(GeneratorInputDStream.endOf(10_000, 40, 1000, 25)).isEqualTo(40);
        assertThat(GeneratorInputDStream.endOf(200, 40, 1000, 0)).isEqualTo(240);
    }

    @Test
    void everyOptionHasARecordedDefault() {
        assertDefaults(GeneratorOptions.SPECS, Map.of(
                "rate", 1000, "seed", 42L, "partitions", 2, "levels", List.of("DEBUG", "INFO", "WARN", "ERROR"),
                "level-weights", NO_DEFAULT, "hosts", 8, "limit", 0L, "start-time", NO_DEFAULT));

        GeneratorOptions defaults = GeneratorOptions.parse(GeneratorOptions.SPECS.parse(Map.of()));
        assertThat(defaults.levelWeights()).containsExactly(10, 60, 20, 10);
        assertThat(defaults.startTime()).isEmpty();
        assertThat(create(Map.of()).delivery()).isEqualTo(SourceDelivery.REPLAYABLE);
    }

    @Test
    void everyOptionIsRead() {
        GeneratorOptions options = GeneratorOptions.parse(assertFullMapping(GeneratorOptions.SPECS, Map.of(
                "rate", 50, "seed", 7, "partitions", 3, "levels", List.of("INFO", "FATAL"), "level-weights", List.of("3", "1"),
                "hosts", 2, "limit", 500, "start-time", "2026-11-30T07:00:00Z")));

        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.levels()).containsExactly("INFO", "FATAL");
        assertThat(options.levelWeights()).containsExactly(3, 1);
        assertThat(options.hosts()).isEqualTo(2);
        assertThat(options.limit()).isEqualTo(500);
        assertThat(options.startTime()).contains(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void customLevelsTakeEqualWeightsUnlessGiven() {
        GeneratorOptions custom = GeneratorOptions.parse(new GeneratorSourceFactory().options()
                .parse(Map.of("levels", List.of("INFO", "FATAL"))));
        assertThat(custom.levelWeights()).containsExactly(1, 1);

        assertThatThrownBy(() -> GeneratorOptions.parse(new GeneratorSourceFactory().options()
                .parse(Map.of("levels", List.of("INFO", "FATAL"), "level-weights", List.of("1")))))
                .isInstanceOf(SluiceException.class)
                .hasMessage("option [level-weights] must have one weight per level of option [levels] (2), got [1]");
        assertThatThrownBy(() -> GeneratorOptions.parse(new GeneratorSourceFactory().options()
                .parse(Map.of("start-time", "yesterday"))))
                .hasMessageContaining("option [start-time] must be an ISO-8601 instant");
    }

    @Test
    void rejectsAStoredPositionThatIsNotASequenceNumber() {
        Source source = create(OPTIONS);
        assertThatThrownBy(() -> source.open(new TestingSourceContext(spark.streamingContext(Duration.ofMillis(200)), "bad",
                Optional.of(Positions.of(Map.of("generator", "abc"))))))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("stored position [abc] of partition [generator] is not a sequence number");
    }
}
