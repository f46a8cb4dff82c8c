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

    /**
     * Makes {@code topic} (created if missing) hold at least {@code lines} {@link LogLines}: appends
     * lines from the count it holds on, as {@link #fill} would have sent them, so a topic grown in
     * steps holds what one fill of its size holds.
     *
     * @return the lines it holds now
     */
    static long growTo(String bootstrapServers, String topic, int partitions, long lines) {
        long held;
        try (Admin admin = admin(bootstrapServers)) {
            OptionalLong existing = linesIn(admin, topic);
            if (existing.isEmpty()) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
            held = existing.orElse(0);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topic [" + topic + "] on " + bootstrapServers, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (held < lines) {
            fill(bootstrapServers, topic, partitions, held, lines, LogLines::line);
        }
        return Math.max(held, lines);
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
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return OptionalLong.of(admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum());
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot read topic [" + topic + "]", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
