package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;

/**
 * The direct stream's driver consumer for a source with named {@code topics}: it assigns itself
 * every partition the topics have when the stream starts, rather than subscribing. A subscribing
 * consumer joins its group before its first poll returns, and a broker holds the first rebalance
 * of an empty group for {@code group.initial.rebalance.delay.ms} (3 s by default), so every start
 * waited that long. Unlike Spark's own {@code Assign}, which keeps the partitions it was given in
 * the checkpoint, this lists them at every start, recovery included: partitions added to a topic
 * are read from the next start (a subscription would see them while running).
 *
 * <p>Offsets are committed as before: a consumer with a group id may commit without joining it.
 */
final class AssignTopics extends ConsumerStrategy<byte[], byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    // Plain collections: Spark keeps the strategy in the checkpoint.
    private final ArrayList<String> topics;
    private final HashMap<String, Object> kafkaParams;
    private final HashMap<TopicPartition, Long> startOffsets;

    AssignTopics(List<String> topics, Map<String, Object> kafkaParams, Map<TopicPartition, Long> startOffsets) {
        this.topics = new ArrayList<>(requireNonNull(topics, "topics is null"));
        this.kafkaParams = new HashMap<>(requireNonNull(kafkaParams, "kafkaParams is null"));
        this.startOffsets = new HashMap<>(requireNonNull(startOffsets, "startOffsets is null"));
    }

    @Override
    public Map<String, Object> executorKafkaParams() {
        return kafkaParams;
    }

    /**
     * Spark calls this on the driver as the stream starts; {@code currentOffsets} holds the
     * checkpoint's positions on a recovery, and is empty otherwise. A partition with neither a
     * position nor an explicit start begins at the group's committed offset, else at
     * {@code auto.offset.reset}, as a subscription's would.
     */
    @Override
    public Consumer<byte[], byte[]> onStart(Map<TopicPartition, Long> currentOffsets) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafkaParams);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> found = consumer.partitionsFor(topic);
                if (found == null || found.isEmpty()) {
                    throw new IllegalStateException("Kafka topic [" + topic + "] has no partitions, or no longer exists");
                }
                found.forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
            }
            consumer.assign(partitions);
            (currentOffsets.isEmpty() ? startOffsets : currentOffsets).forEach(consumer::seek);
            return consumer;
        }
        catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }
}
