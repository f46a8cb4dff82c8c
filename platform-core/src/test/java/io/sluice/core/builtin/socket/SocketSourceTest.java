package io.sluice.core.builtin.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.option.OptionsException;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.source.Source;
import io.sluice.core.LineServer;
import io.sluice.core.builtin.TestingSourceContext;
import io.sluice.core.builtin.TestingSpark;
import io.sluice.testkit.TestingPluginContext;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
@SuppressWarnings("deprecation")
class SocketSourceTest {
    private static final ConcurrentLinkedQueue<Record> RECEIVED = new ConcurrentLinkedQueue<>();

    private static TestingSpark spark;
    private static LineServer server;
    private static Source source;

    @BeforeAll
    static void receiveLines() throws Exception {
        server = LineServer.serving("alpha\nbeta, with comma\nγάμμα\n");

        spark = TestingSpark.start(SocketSourceTest.class);
        JavaStreamingContext streaming = spark.streamingContext(Duration.ofMillis(200));
        SocketSourceFactory factory = new SocketSourceFactory();
        source = factory.create(factory.options().parse(Map.of("host", "127.0.0.1", "port", server.port())),
                TestingPluginContext.of("lines"));
        JavaDStream<Record> lines = source.open(TestingSourceContext.fresh(streaming, "lines"));
        lines.foreachRDD(rdd -> {
            RECEIVED.addAll(rdd.collect());
        });
        streaming.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (RECEIVED.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (spark != null) {
                spark.close();
            }
        }
        finally {
            server.close();
        }
    }

    @Test
    void readsLinesWithServerAndLineNumberAsOrigin() {
        String address = "127.0.0.1:" + server.port();
        assertThat(List.copyOf(RECEIVED)).extracting(Record::payloadAsString)
                .containsExactly("alpha", "beta, with comma", "γάμμα");
        assertThat(List.copyOf(RECEIVED)).extracting(Record::origin).containsExactly(
                new Origin("lines", address, 1),
                new Origin("lines", address, 2),
                new Origin("lines", address, 3));
    }

    @Test
    void isAtMostOnce() {
        assertThat(source.delivery()).isEqualTo(SourceDelivery.AT_MOST_ONCE);
        assertThat(new SocketSourceFactory().description()).contains("at most once");
    }

    @Test
    void hostAndPortAreRequired() {
        assertThatThrownBy(() -> new SocketSourceFactory().options().parse(Map.of("host", "localhost")))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new SocketSourceFactory().options().parse(Map.of("host", "localhost", "port", 70000)))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("must be at most [65535], got [70000]");
    }
}
