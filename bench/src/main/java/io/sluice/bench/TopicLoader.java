package io.sluice.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Fills the benchmark topics: {@link LogLines} (or other lines), dealt round-robin over the partitions. */
final class TopicLoader {
    private TopicLoader() {
    }

    /** What the topic holds after {@link #fill}: the levels of lines 0..n-1. */
    static LevelCounts expectedCounts(long lines) {
        LevelCounts counts = new LevelCounts();
        for (long i = 0; i < lines; i++) {
            counts.add(LogLines.levelOf(LogLines.line(i)), 1);
        }
        return counts;
    }

    static void fill(String bootstrapServers, String topic, int partitions, long lines) {
        fill(bootstrapServers, topic, partitions, lines, LogLines::line);
    }

    /** Sends lines 0..n-1, line {@code i} to partition {@code i % partitions}, so a partition's offsets follow the lines' order. */
    static void fill(String bootstrapServers, String topic, int partitions, long lines, LongFunction<String> line) {
        fill(bootstrapServers, topic, partitions, 0, lines, line);
    }

    /** What {@link #growTo} did: the lines the topic holds now, and how many it appended. */
    record Growth(long lines, long appended) {
    }

    /**
     * Makes {@code topic} (created if missing) hold at least {@code lines} {@link LogLines}: appends
     * lines from the count it holds on, as {@link #fill} would have sent them, so a topic grown in
     * steps holds what one fill of its size holds. A topic whose partitions are not what such a fill
     * leaves (another partition count, a fill cut short, records deleted) is refused: appending to
     * it would measure other lines than the name says.
     */
    static Growth growTo(String bootstrapServers, String topic, int partitions, long lines) {
        long held;
        try (Admin admin = admin(bootstrapServers)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                held = 0;
            }
            else {
                held = roundRobinLines(admin, topic, partitions);
            }
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot create or read topic [" + topic + "] on " + bootstrapServers, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (held >= lines) {
            return new Growth(held, 0);
        }
        fill(bootstrapServers, topic, partitions, held, lines, LogLines::line);
        return new Growth(lines, lines - held);
    }

    /** The lines a topic filled round-robin from line 0 holds; fails for a topic that is not such a fill. */
    private static long roundRobinLines(Admin admin, String topic, int partitions) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (description.partitions().size() != partitions) {
            throw new IllegalStateException("topic [" + topic + "] has " + description.partitions().size() + " partitions, not "
                    + partitions + "; delete it");
        }
        Map<TopicPartition, Long> starts = offsets(admin, description, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(admin, description, OffsetSpec.latest());
        long held = ends.values().stream().mapToLong(Long::longValue).sum();
        for (int p = 0; p < partitions; p++) {
            TopicPartition partition = new TopicPartition(topic, p);
            // Line i went to partition i % partitions: partition p holds the lines p, p + partitions, ... below held.
            long expectedEnd = held > p ? (held - p + partitions - 1) / partitions : 0;
            if (starts.get(partition) != 0 || ends.get(partition) != expectedEnd) {
                throw new IllegalStateException("topic [" + topic + "] is not a round-robin fill of " + held + " lines (partition " + p
                        + " holds offsets " + starts.get(partition) + " to " + ends.get(partition) + "); delete it");
            }
        }
        return held;
    }

    private static void fill(String bootstrapServers, String topic, int partitions, long from, long to, LongFunction<String> line) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = from; i < to && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, line.apply(i).getBytes(UTF_8)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling topic [" + topic + "] failed", failure.get());
        }
    }

    /** How many records {@code topic} holds (the sum of its partitions' end offsets), or empty when there is no such topic. */
    static OptionalLong linesIn(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            return linesIn(admin, topic);
        }
    }

    /**
     * Makes sure {@code topic} holds exactly {@code lines} lines made by {@code line}: creates and
     * fills it when it does not exist, uses it as it is when it holds that many, and fails
     * otherwise. Reuse is sound when the topic is named after everything its lines depend on.
     *
     * @return whether it was filled now
     */
    static boolean ensureFilled(String bootstrapServers, String topic, int partitions, long lines, LongFunction<String> line) {
        try (Admin admin = admin(bootstrapServers)) {
            OptionalLong held = linesIn(admin, topic);
            if (held.isPresent()) {
                if (held.getAsLong() != lines) {
                    throw new IllegalStateException("topic [" + topic + "] on " + bootstrapServers + " holds " + held.getAsLong()
                            + " lines, not " + lines + "; delete it or use another broker");
                }
                return false;
            }
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic [" + topic + "] on " + bootstrapServers, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        // The producer retries until the new partitions have their leader.
        fill(bootstrapServers, topic, partitions, lines, line);
        return true;
    }

    private static OptionalLong linesIn(Admin admin, String topic) {
        try {
            Set<String> names = admin.listTopics().names().get();
            if (!names.contains(topic)) {
                return OptionalLong.empty();
            }
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return OptionalLong.of(offsets(admin, description, OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum());
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot read topic [" + topic + "]", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every partition's offset of one kind (earliest, latest). */
    private static Map<TopicPartition, Long> offsets(Admin admin, TopicDescription description, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(description.name(), p.partition()), p -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
