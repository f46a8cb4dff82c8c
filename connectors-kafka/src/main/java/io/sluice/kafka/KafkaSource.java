package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Durations;
import io.sluice.api.record.Record;
import io.sluice.api.source.Positions;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;
import io.sluice.api.source.SourcePositions;
import io.sluice.api.transform.RecordFunction;

/**
 * A Kafka source on the driver: checks the brokers and topics, then opens a direct stream
 * (consistent location strategy, auto-commit off) that starts, per partition, from the
 * pipeline's stored positions, else the group's committed offsets, else
 * {@code starting-offsets-by-partition}, else {@code starting-offsets}. Offsets are committed to
 * the group only after every sink wrote the batch ({@link KafkaPositions}).
 */
final class KafkaSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);

    private final String sourceName;
    private final KafkaSourceOptions options;
    private final KafkaDecoder decoder;
    /** From {@link #prepare}: explicit per-partition starts the group has no committed offset for. */
    private Map<TopicPartition, Long> checkedStarts;
    private KafkaPositions positions;

    KafkaSource(String sourceName, KafkaSourceOptions options) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.options = requireNonNull(options, "options is null");
        this.decoder = new KafkaDecoder(options.keyFormat(), options.valueFormat());
    }

    /** Checks the brokers and topics now, while the runtime starts Spark; {@link #open} uses what it found. */
    @Override
    public void prepare() {
        checkedStarts = check(sourceName);
    }

    @Override
    public JavaDStream<Record> open(SourceContext context) {
        String sourceName = context.sourceName();
        Map<TopicPartition, Long> startOffsets = startOffsets(sourceName,
                checkedStarts != null ? checkedStarts : check(sourceName), context.storedPositions());
        Map<String, Object> consumerConfig = new HashMap<>(options.consumerConfig());
        // Named topics are assigned, not subscribed: no group join, which a broker delays by
        // group.initial.rebalance.delay.ms (3 s by default) at every start. A pattern must subscribe
        // to see topics created while it runs.
        ConsumerStrategy<byte[], byte[]> strategy = options.topicPattern().isPresent()
                ? ConsumerStrategies.SubscribePattern(options.topicPattern().get(), consumerConfig, startOffsets)
                : new AssignTopics(options.topics(), consumerConfig, startOffsets);
        JavaInputDStream<ConsumerRecord<byte[], byte[]>> direct = options.maxRatePerPartition().isPresent()
                ? KafkaUtils.createDirectStream(context.streamingContext(), LocationStrategies.PreferConsistent(), strategy,
                        new KafkaRateLimit(options.maxRatePerPartition().get()))
                : KafkaUtils.createDirectStream(context.streamingContext(), LocationStrategies.PreferConsistent(), strategy);
        KafkaPositions tracker = new KafkaPositions(sourceName, options.groupId(), direct.inputDStream());
        KafkaRecordConverter converter = new KafkaRecordConverter(sourceName);
        this.positions = tracker;
        // Runs on the driver as each batch is cut (again for batches regenerated on recovery).
        return direct.transform((rdd, time) -> {
            OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            tracker.record(time.milliseconds(), ranges);
            return rdd.map(converter);
        });
    }

    @Override
    public SourceDelivery delivery() {
        return SourceDelivery.REPLAYABLE;
    }

    @Override
    public Optional<SourcePositions> positions() {
        return Optional.ofNullable(positions);
    }

    @Override
    public Optional<RecordFunction> decoder() {
        return Optional.of(decoder);
    }

    /**
     * Sends the last committed batch's offsets to the group if the stopped direct stream had not
     * yet (it commits with its next poll): otherwise a restart that relies on the group's offsets
     * rather than stored positions would read that batch again. Works for a stream restored from a
     * checkpoint too, whose tracker this source never saw.
     */
    @Override
    public void close() {
        Optional<KafkaPositions> tracker = KafkaPositions.takeRunning(sourceName, options.groupId());
        Map<TopicPartition, Long> last = tracker.map(KafkaPositions::lastCommitted).orElse(Map.of());
        if (last.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        last.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        try (Admin admin = Admin.create(adminConfig())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(options.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            offsets.keySet().removeIf(partition -> committed.get(partition) != null
                    && committed.get(partition).offset() >= offsets.get(partition).offset());
            if (!offsets.isEmpty()) {
                admin.alterConsumerGroupOffsets(options.groupId(), offsets).all().get(10, TimeUnit.SECONDS);
                LOG.info("Source [{}]: committed the last batch's offsets of {} partitions to group [{}] on close",
                        sourceName, offsets.size(), options.groupId());
            }
        }
        catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Source [{}]: could not commit the last batch's offsets to group [{}] on close; "
                    + "a restart from stored positions is unaffected: {}", sourceName, options.groupId(), e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> adminConfig = new HashMap<>(options.properties().reveal());
        adminConfig.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        int timeout = (int) Math.max(100, options.startTimeout().toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        return adminConfig;
    }

    /**
     * Fails fast, within {@code start-timeout}, when the brokers do not answer or a named topic is
     * missing; returns the explicit per-partition starts ({@code starting-offsets-by-partition})
     * of partitions the group has no committed offset for.
     */
    private Map<TopicPartition, Long> check(String sourceName) {
        Duration timeout = options.startTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = Admin.create(adminConfig());
        try {
            Set<String> existing = await(admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis())).names(), deadline, sourceName);
            List<String> missing = new ArrayList<>();
            for (String topic : options.topics()) {
                if (!existing.contains(topic)) {
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                throw SluiceException.user("source [" + sourceName + "]: " + (missing.size() == 1 ? "topic " : "topics ") + missing
                        + " not found on [" + options.bootstrapServers() + "]; create " + (missing.size() == 1 ? "it" : "them")
                        + " or fix option [topics]");
            }
            Map<TopicPartition, Long> explicit = new HashMap<>();
            if (!options.startingOffsetsByPartition().isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        await(admin.listConsumerGroupOffsets(options.groupId()).partitionsToOffsetAndMetadata(), deadline, sourceName);
                options.startingOffsetsByPartition().forEach((partition, offset) -> {
                    if (committed.get(partition) == null && options.reads(partition.topic())) {
                        explicit.put(partition, offset);
                    }
                });
            }
            return explicit;
        }
        finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * The explicit start offsets: stored positions, and explicit per-partition starts where the
     * group has no committed offset. Partitions in neither start from the group's committed
     * offset, else from {@code starting-offsets}.
     */
    private Map<TopicPartition, Long> startOffsets(String sourceName, Map<TopicPartition, Long> explicit, Optional<Positions> stored) {
        // A plain map: Spark keeps it in the consumer strategy, which goes into the checkpoint.
        Map<TopicPartition, Long> start = new HashMap<>(explicit);
        stored.map(KafkaPositions::offsetsOf).ifPresent(offsets -> offsets.forEach((partition, offset) -> {
            // Positions of topics this source no longer reads would make the consumer fail to seek.
            if (options.reads(partition.topic())) {
                start.put(partition, offset);
            }
        }));
        LOG.info("Source [{}]: {}; explicit start offsets {}", sourceName, options, start);
        return start;
    }

    private <T> T await(KafkaFuture<T> future, long deadline, String sourceName) {
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.internal("source [" + sourceName + "]: interrupted while checking Kafka", e);
        }
        catch (TimeoutException e) {
            throw unreachable(sourceName, e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                throw SluiceException.externalFatal("source [" + sourceName + "]: Kafka at [" + options.bootstrapServers()
                        + "] refused the connection: " + cause.getMessage() + "; check the security settings in option [kafka]", cause);
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(sourceName, cause);
            }
            throw SluiceException.external("source [" + sourceName + "]: Kafka at [" + options.bootstrapServers()
                    + "] failed the start-up check: " + cause, cause);
        }
    }

    private SluiceException unreachable(String sourceName, Throwable cause) {
        return SluiceException.external("source [" + sourceName + "]: Kafka at [" + options.bootstrapServers() + "] did not answer within ["
                + Durations.format(options.startTimeout()) + "] (option [start-timeout]); check option [bootstrap-servers] and that the brokers are up", cause);
    }
}
