package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.source.Positions;
import io.sluice.api.source.SourcePositions;

/**
 * The offset ranges of each batch of a Kafka source's direct stream, recorded on the driver as
 * Spark cuts the batch, and committed to the consumer group through the direct stream itself
 * ({@link CanCommitOffsets}) when the runtime says every sink wrote the batch.
 *
 * <p>Positions are {@code topic-partition} to the batch's until-offset (the next offset to read).
 * Serialized into the Spark checkpoint with the stream graph, the direct stream included (Spark
 * allows that during checkpointing); the ranges are transient and recorded again as Spark
 * regenerates batches on recovery. Used by the job generator thread (recording) and the job
 * thread (positions, commits), hence synchronized.
 *
 * <p>A batch that never got committed while a later one is asked for means a sink gave up on it:
 * from then on this tracker reports no positions and commits nothing, so neither the runtime's
 * position store nor the consumer group moves past the failed batch, which is read again on restart.
 */
final class KafkaPositions implements SourcePositions {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPositions.class);

    /** Trackers of running streams by {@link #key}, including ones restored from a checkpoint, for {@link KafkaSource#close}. */
    private static final Map<String, KafkaPositions> RUNNING = new ConcurrentHashMap<>();

    private final String sourceName;
    private final String groupId;
    private final InputDStream<ConsumerRecord<byte[], byte[]>> directStream;
    private transient NavigableMap<Long, OffsetRange[]> batches;
    private transient boolean skippedBatch;
    private transient Map<TopicPartition, Long> lastCommitted;

    KafkaPositions(String sourceName, String groupId, InputDStream<ConsumerRecord<byte[], byte[]>> directStream) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.groupId = requireNonNull(groupId, "groupId is null");
        this.directStream = requireNonNull(directStream, "directStream is null");
        if (!(directStream instanceof CanCommitOffsets)) {
            throw new IllegalArgumentException("not a Kafka direct stream: " + directStream.getClass().getName());
        }
        RUNNING.put(key(sourceName, groupId), this);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        RUNNING.put(key(sourceName, groupId), this);
    }

    static String key(String sourceName, String groupId) {
        return groupId + "/" + sourceName;
    }

    /** The tracker of the stream last opened or restored for this source and group, forgetting it. */
    static Optional<KafkaPositions> takeRunning(String sourceName, String groupId) {
        return Optional.ofNullable(RUNNING.remove(key(sourceName, groupId)));
    }

    /**
     * The offsets of the last batch committed in this JVM. The direct stream sends a commit with its
     * next poll, so after a stop the last one may not have reached the group; the source sends it then.
     */
    synchronized Map<TopicPartition, Long> lastCommitted() {
        return lastCommitted == null ? Map.of() : Map.copyOf(lastCommitted);
    }

    /** Called on the driver when Spark cuts the batch at {@code batchTime}. */
    synchronized void record(long batchTime, OffsetRange[] ranges) {
        batches().put(batchTime, ranges.clone());
    }

    @Override
    public synchronized Optional<Positions> positionsOf(long batchTime) {
        OffsetRange[] ranges = batches().get(batchTime);
        if (ranges == null || blocked(batchTime)) {
            return Optional.empty();
        }
        Map<String, String> next = new LinkedHashMap<>();
        for (OffsetRange range : ranges) {
            next.put(partitionName(range.topicPartition()), Long.toString(range.untilOffset()));
        }
        return Optional.of(Positions.of(next));
    }

    @Override
    public synchronized void commit(long batchTime) {
        OffsetRange[] ranges = batches().get(batchTime);
        if (ranges == null) {
            return;
        }
        if (blocked(batchTime)) {
            LOG.warn("Source [{}]: an earlier batch was not committed (a sink failed on it); not committing batch {} either, "
                    + "so the failed batch is read again on restart", sourceName, batchTime);
            return;
        }
        // Queued here; the direct stream sends it with its next poll, on its own consumer.
        ((CanCommitOffsets) directStream).commitAsync(ranges, new CommitLogger(sourceName));
        if (lastCommitted == null) {
            lastCommitted = new HashMap<>();
        }
        for (OffsetRange range : ranges) {
            lastCommitted.put(range.topicPartition(), range.untilOffset());
        }
        batches().headMap(batchTime, true).clear();
    }

    /** A batch older than this one is still recorded: it was never committed, so a sink failed on it. */
    private boolean blocked(long batchTime) {
        if (!skippedBatch && !batches().headMap(batchTime, false).isEmpty()) {
            skippedBatch = true;
        }
        return skippedBatch;
    }

    private NavigableMap<Long, OffsetRange[]> batches() {
        if (batches == null) {
            batches = new TreeMap<>();
        }
        return batches;
    }

    /**
     * Logs a failed commit. Serializable because the direct stream keeps the last callback in a
     * field that goes into the checkpoint.
     */
    private record CommitLogger(String sourceName) implements OffsetCommitCallback, Serializable {
        @Override
        public void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception error) {
            if (error != null) {
                LOG.warn("Source [{}]: committing offsets to the consumer group failed; the next batch's commit covers them: {}",
                        sourceName, error.toString());
            }
        }
    }

    /** The partition name used in positions and record origins: {@code topic-partition}. */
    static String partitionName(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /** Reads a {@code topic-partition} name; topics may contain hyphens, so the last one splits. */
    static Optional<TopicPartition> parsePartition(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || dash == name.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Offsets by partition from stored positions; entries that are not Kafka positions are left out. */
    static Map<TopicPartition, Long> offsetsOf(Positions positions) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        positions.asMap().forEach((name, offset) -> parsePartition(name).ifPresent(partition -> {
            try {
                offsets.put(partition, Long.parseLong(offset));
            }
            catch (NumberFormatException e) {
                LOG.warn("Ignoring stored position [{}] of partition [{}]: not an offset", offset, name);
            }
        }));
        return offsets;
    }
}
