package io.sluice.bench.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.sluice.bench.LogLines;

/**
 * The floor: a plain {@link KafkaConsumer} loop that reads the topic and counts levels, on one
 * thread or on several (partitions dealt round-robin), each with its own consumer.
 */
public final class RawConsumerJob {
    private RawConsumerJob() {
    }

    public static void run(JobSpec spec, int threads) throws InterruptedException {
        ContinuousCounter counter = new ContinuousCounter(spec);
        ChildReport.printStarted();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = t; p < spec.partitions(); p += threads) {
                assigned.add(new TopicPartition(spec.topic(), p));
            }
            Thread worker = new Thread(() -> consume(spec, assigned, counter), "consumer-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        counter.awaitDone();
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        counter.report().print();
    }

    private static void consume(JobSpec spec, List<TopicPartition> partitions, ContinuousCounter counter) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!counter.isDone()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    counter.count(LogLines.levelOf(record.value()));
                }
            }
        }
    }
}
