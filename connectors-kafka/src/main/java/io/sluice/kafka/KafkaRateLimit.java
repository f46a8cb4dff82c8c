package io.sluice.kafka;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;

/**
 * This source's {@code max-rate-per-partition}, handed to its direct stream alone: Spark's own
 * {@code spark.streaming.kafka.maxRatePerPartition} would apply to every Kafka source of the
 * pipeline. Serialized with the stream into the checkpoint.
 */
final class KafkaRateLimit extends PerPartitionConfig {
    private static final long serialVersionUID = 1L;

    private final long maxRatePerPartition;

    KafkaRateLimit(long maxRatePerPartition) {
        this.maxRatePerPartition = maxRatePerPartition;
    }

    @Override
    public long maxRatePerPartition(TopicPartition topicPartition) {
        return maxRatePerPartition;
    }
}
