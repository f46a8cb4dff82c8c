package io.sluice.core.builtin.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.source.Source;
import io.sluice.core.builtin.TestingSourceContext;
import io.sluice.core.builtin.TestingSpark;
import io.sluice.testkit.TestingPluginContext;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
@SuppressWarnings("deprecation")
class FileSourceTest {
    private static final ConcurrentLinkedQueue<Record> READ = new ConcurrentLinkedQueue<>();

    @TempDir
    static Path directory;
    @TempDir
    static Path staging;

    private static TestingSpark spark;
    private static Source source;

    @BeforeAll
    static void readNewFiles() throws Exception {
        spark = TestingSpark.start(FileSourceTest.class);
        JavaStreamingContext streaming = spark.streamingContext(Duration.ofMillis(200));
        FileSourceFactory factory = new FileSourceFactory();
        source = factory.create(factory.options().parse(Map.of("path", directory.toUri().toString(), "pattern", "*.log")),
                TestingPluginContext.of("files"));
        JavaDStream<Record> lines = source.open(TestingSourceContext.fresh(streaming, "files"));
        lines.foreachRDD(rdd -> {
            READ.addAll(rdd.collect());
        });
        streaming.start();
        Thread.sleep(500);

        // Written elsewhere and moved in, as producers should, so no batch sees half a file.
        drop("a.log", "first\nsecond, with comma\nthird\n");
        drop("b.log", "only line\n");
        drop("ignored.txt", "not matching the pattern\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (READ.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // One more batch or two, so a file read twice would show.
        Thread.sleep(600);
    }

    private static void drop(String name, String content) throws Exception {
        Path written = Files.writeString(staging.resolve(name), content, StandardCharsets.UTF_8);
        Files.move(written, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void readsEachLineOfNewMatchingFilesOnceWithFileAndLineNumber() {
        String fileA = "file:" + directory.resolve("a.log");
        String fileB = "file:" + directory.resolve("b.log");

        assertThat(List.copyOf(READ))
                .extracting(record -> record.origin().partition() + "@" + record.origin().offset() + "=" + record.payloadAsString())
                .containsExactlyInAnyOrder(
                        fileA + "@1=first",
                        fileA + "@2=second, with comma",
                        fileA + "@3=third",
                        fileB + "@1=only line");
        assertThat(List.copyOf(READ)).allSatisfy(record -> assertThat(record.origin().source()).isEqualTo("files"));
        assertThat(READ.stream().filter(record -> record.origin().equals(new Origin("files", fileA, 1)))).hasSize(1);
    }

    @Test
    void isReplayable() {
        assertThat(source.delivery()).isEqualTo(SourceDelivery.REPLAYABLE);
    }

    @Test
    void skipsHiddenAndNonMatchingNames() {
        FileSourceNameFilter filter = new FileSourceNameFilter(new FileSourceOptions("file:/in", "*.{log,txt}", true));

        assertThat(filter.call(new org.apache.hadoop.fs.Path("file:/in/app.log"))).isTrue();
        assertThat(filter.call(new org.apache.hadoop.fs.Path("file:/in/app.txt"))).isTrue();
        assertThat(filter.call(new org.apache.hadoop.fs.Path("file:/in/app.csv"))).isFalse();
        assertThat(filter.call(new org.apache.hadoop.fs.Path("file:/in/.app.log"))).isFalse();
        assertThat(filter.call(new org.apache.hadoop.fs.Path("file:/in/_SUCCESS"))).isFalse();
    }

    @Test
    void rejectsAnInvalidGlob() {
        FileSourceFactory factory = new FileSourceFactory();
        assertThatThrownBy(() -> factory.create(factory.options().parse(Map.of("path", "file:/in", "pattern", "*.{log")),
                TestingPluginContext.of("files")))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("option [pattern] is not a valid glob: [*.{log]");
    }
}
