package io.sluice.bench.job;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import io.sluice.bench.LogLines;

/**
 * The job as a Kafka Streams topology: lines re-keyed by level (a repartition topic, as Kafka
 * Streams groups by key through the broker), then counted per 1 s tumbling window and per 10 s
 * window sliding by 1 s, in in-memory window stores; two stream threads for two cores.
 */
public final class KafkaStreamsJob {
    private static final Duration GRACE = Duration.ofMinutes(5);
    // Window stores keep a window for its size plus the grace period.
    private static final Duration RETENTION = Duration.ofMinutes(10);

    private KafkaStreamsJob() {
    }

    public static void run(JobSpec spec) throws InterruptedException {
        ContinuousCounter counter = new ContinuousCounter(spec);
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, String> byLevel = builder.<String, String>stream(spec.topic())
                .selectKey((key, line) -> LogLines.levelOf(line))
                .repartition(Repartitioned.<String, String>as("by-level").withNumberOfPartitions(spec.partitions()))
                .peek((level, line) -> counter.count(level))
                .groupByKey();
        // The repartition topic interleaves the four input partitions, whose timestamps drift
        // apart while a backlog is read: without grace, Kafka Streams dropped most records as late
        // and logged a warning for each (25 000 lines/s, most of it logging).
        byLevel.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(1), GRACE))
                .count(windowStore("per-batch", Duration.ofSeconds(1)));
        byLevel.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), GRACE).advanceBy(Duration.ofSeconds(1)))
                .count(windowStore("per-window", Duration.ofSeconds(10)));

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.groupId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, spec.work().resolve("streams-state").toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            ChildReport.printStarted();
            streams.start();
            counter.awaitDone();
            ChildReport report = counter.report();
            streams.close(Duration.ofSeconds(10));
            report.print();
        }
    }

    private static Materialized<String, Long, WindowStore<Bytes, byte[]>> windowStore(String name, Duration size) {
        return Materialized.<String, Long>as(Stores.inMemoryWindowStore(name, RETENTION, size, false))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long());
    }
}
