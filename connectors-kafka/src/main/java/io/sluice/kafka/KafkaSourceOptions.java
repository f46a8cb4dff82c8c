package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Durations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/** The parsed options of a {@code kafka} source. Immutable; built only through {@link #parse}. */
public final class KafkaSourceOptions {
    /** Where a partition with neither stored positions nor a committed offset starts. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST
    }

    static final OptionSpec<String> BOOTSTRAP_SERVERS = OptionSpec.string("bootstrap-servers").required()
            .doc("Kafka brokers to connect to first, host:port[,host:port...]");
    static final OptionSpec<List<String>> TOPICS = OptionSpec.stringList("topics")
            .doc("Topics to read, every partition they have at start (partitions added later are read from the next start); set this or topic-pattern");
    static final OptionSpec<String> TOPIC_PATTERN = OptionSpec.string("topic-pattern")
            .doc("Java regex of topics to read, including topics created while running; set this or topics");
    static final OptionSpec<String> GROUP_ID = OptionSpec.string("group-id")
            .doc("Consumer group whose offsets are committed after every sink wrote a batch; default sluice-<pipeline>");
    static final OptionSpec<StartingOffsets> STARTING_OFFSETS = OptionSpec.oneOf("starting-offsets", StartingOffsets.class)
            .defaultValue(StartingOffsets.LATEST)
            .doc("Where partitions start that have no stored position, no committed offset and no starting-offsets-by-partition entry");
    static final OptionSpec<Map<String, Object>> STARTING_OFFSETS_BY_PARTITION = OptionSpec.object("starting-offsets-by-partition")
            .doc("Explicit start per partition when the pipeline has no stored position and the group no committed offset, "
                    + "e.g. { \"log_topic-0\" = 42 }");
    static final OptionSpec<Long> MAX_RATE_PER_PARTITION = OptionSpec.longInteger("max-rate-per-partition").atLeast(1)
            .doc("Most records per second read from each partition (for this source only); "
                    + "with pipeline.spark { \"spark.streaming.backpressure.enabled\" = true } Spark adapts below it");
    static final OptionSpec<KafkaFormat> KEY_FORMAT = OptionSpec.oneOf("key-format", KafkaFormat.class)
            .defaultValue(KafkaFormat.STRING)
            .doc("How keys become the [key] field and the record key: string (UTF-8), bytes, or json (validated text)");
    static final OptionSpec<KafkaFormat> VALUE_FORMAT = OptionSpec.oneOf("value-format", KafkaFormat.class)
            .defaultValue(KafkaFormat.STRING)
            .doc("How values are decoded: string (UTF-8 [value] field), bytes ([value] field as bytes), "
                    + "or json (an object whose members become fields); undecodable values go to the dead-letter path");
    static final OptionSpec<Map<String, Object>> KAFKA = OptionSpec.object("kafka")
            .doc("Kafka consumer properties passed as they are (security.protocol, sasl.*, ssl.*, ...); "
                    + "values of keys naming a password, secret, token, key or sasl.jaas are masked");
    static final OptionSpec<Duration> START_TIMEOUT = OptionSpec.duration("start-timeout")
            .defaultValue(Duration.ofSeconds(30)).atLeast(100)
            .doc("How long the start-up check may wait for the brokers to answer and list the topics before failing");

    static final OptionSpecs SPECS = OptionSpecs.of(BOOTSTRAP_SERVERS, TOPICS, TOPIC_PATTERN, GROUP_ID, STARTING_OFFSETS,
            STARTING_OFFSETS_BY_PARTITION, MAX_RATE_PER_PARTITION, KEY_FORMAT, VALUE_FORMAT, KAFKA, START_TIMEOUT);

    /** Consumer settings the source owns; the {@code kafka} block may not set them. */
    static final Map<String, String> RESERVED = Map.of(
            "bootstrap.servers", "use option [bootstrap-servers]",
            "group.id", "use option [group-id]",
            "enable.auto.commit", "offsets are committed by Sluice after every sink wrote a batch",
            "auto.offset.reset", "use option [starting-offsets]",
            "key.deserializer", "use option [key-format]",
            "value.deserializer", "use option [value-format]");

    private final String bootstrapServers;
    private final List<String> topics;
    private final Pattern topicPattern;
    private final String groupId;
    private final StartingOffsets startingOffsets;
    private final Map<TopicPartition, Long> startingOffsetsByPartition;
    private final Long maxRatePerPartition;
    private final KafkaFormat keyFormat;
    private final KafkaFormat valueFormat;
    private final KafkaClientProperties properties;
    private final Duration startTimeout;

    private KafkaSourceOptions(String bootstrapServers, List<String> topics, Pattern topicPattern, String groupId,
            StartingOffsets startingOffsets, Map<TopicPartition, Long> startingOffsetsByPartition, Long maxRatePerPartition,
            KafkaFormat keyFormat, KafkaFormat valueFormat, KafkaClientProperties properties, Duration startTimeout) {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.topics = List.copyOf(topics);
        this.topicPattern = topicPattern;
        this.groupId = requireNonNull(groupId, "groupId is null");
        this.startingOffsets = requireNonNull(startingOffsets, "startingOffsets is null");
        this.startingOffsetsByPartition = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startingOffsetsByPartition));
        this.maxRatePerPartition = maxRatePerPartition;
        this.keyFormat = requireNonNull(keyFormat, "keyFormat is null");
        this.valueFormat = requireNonNull(valueFormat, "valueFormat is null");
        this.properties = requireNonNull(properties, "properties is null");
        this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
    }

    /**
     * Reads and cross-checks a source's options.
     *
     * @param defaultGroupId the group id when {@code group-id} is not set
     * @throws SluiceException a user error naming the options at fault
     */
    public static KafkaSourceOptions parse(Options options, String defaultGroupId) {
        List<String> topics = options.find(TOPICS).orElse(List.of());
        Optional<String> pattern = options.find(TOPIC_PATTERN);
        if (topics.isEmpty() == pattern.isEmpty()) {
            throw SluiceException.user("set exactly one of options [topics] and [topic-pattern]"
                    + (topics.isEmpty() ? "; neither is set" : "; both are set"));
        }
        Pattern compiled = null;
        if (pattern.isPresent()) {
            try {
                compiled = Pattern.compile(pattern.get());
            }
            catch (PatternSyntaxException e) {
                throw SluiceException.user("option [topic-pattern] is not a valid Java regex: " + e.getDescription());
            }
        }
        Map<TopicPartition, Long> explicit = new LinkedHashMap<>();
        options.find(STARTING_OFFSETS_BY_PARTITION).ifPresent(block -> block.forEach((partition, offset) -> {
            TopicPartition topicPartition = KafkaPositions.parsePartition(partition)
                    .orElseThrow(() -> SluiceException.user("option [starting-offsets-by-partition] key [" + partition
                            + "] is not of the form topic-partition, e.g. [log_topic-0]"));
            long value;
            try {
                value = Long.parseLong(String.valueOf(offset).trim());
            }
            catch (NumberFormatException e) {
                throw SluiceException.user("option [starting-offsets-by-partition] value of [" + partition + "] must be an offset, got [" + offset + "]");
            }
            if (value < 0) {
                throw SluiceException.user("option [starting-offsets-by-partition] value of [" + partition + "] must be at least [0], got [" + value + "]");
            }
            explicit.put(topicPartition, value);
        }));
        return new KafkaSourceOptions(
                options.get(BOOTSTRAP_SERVERS),
                topics,
                compiled,
                options.find(GROUP_ID).orElse(defaultGroupId),
                options.get(STARTING_OFFSETS),
                explicit,
                options.find(MAX_RATE_PER_PARTITION).orElse(null),
                options.get(KEY_FORMAT),
                options.get(VALUE_FORMAT),
                options.find(KAFKA).map(block -> KafkaClientProperties.of(block, RESERVED, ConsumerConfig.configDef()))
                        .orElse(KafkaClientProperties.none()),
                options.get(START_TIMEOUT));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The topics to read; empty when a pattern is used. */
    public List<String> topics() {
        return topics;
    }

    public Optional<Pattern> topicPattern() {
        return Optional.ofNullable(topicPattern);
    }

    /** Whether the source reads a topic of this name. */
    public boolean reads(String topic) {
        return topicPattern == null ? topics.contains(topic) : topicPattern.matcher(topic).matches();
    }

    public String groupId() {
        return groupId;
    }

    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    public Map<TopicPartition, Long> startingOffsetsByPartition() {
        return startingOffsetsByPartition;
    }

    public Optional<Long> maxRatePerPartition() {
        return Optional.ofNullable(maxRatePerPartition);
    }

    public KafkaFormat keyFormat() {
        return keyFormat;
    }

    public KafkaFormat valueFormat() {
        return valueFormat;
    }

    public KafkaClientProperties properties() {
        return properties;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    static final int DEFAULT_MAX_POLL_RECORDS = 10_000;

    /**
     * 4 KB under the client's 1 MB: a fetch response (one partition's records plus about a hundred
     * bytes of headers) is read into one heap array, and at 1 MB and over that array is a humongous
     * object taking two 1 MB G1 regions (heaps up to 2 GB), half of them empty, kept until a young
     * collection. Under 1 MB it takes one region; with 2 MB regions (4 GB heaps) it is no longer
     * humongous at all. G1 is what a cluster's executors usually run; under the parallel collector,
     * {@code bin/sluice}'s default, the size makes no difference.
     */
    static final int DEFAULT_MAX_PARTITION_FETCH_BYTES = 1024 * 1024 - 4096;

    /**
     * Room in the socket for a whole fetch response ({@link #DEFAULT_MAX_PARTITION_FETCH_BYTES} per
     * partition). At the client's 64 KB, which Spark also enforces as a floor, the broker sends a
     * 1 MB response in 64 KB windows, each waiting for the task to read the last: the bench's
     * catch-up read was 9 to 16% slower with it (on a machine whose {@code net.core.rmem_max}
     * allows 1 MB). The kernel caps the size at {@code net.core.rmem_max} (208 KB on a stock Linux):
     * less than a response, still more than three times the client's default.
     */
    static final int DEFAULT_RECEIVE_BUFFER_BYTES = 1024 * 1024;

    /**
     * The consumer's configuration: the {@code kafka} block, then what the source owns. Spark
     * keeps it in the checkpointed stream: password-typed secrets stay sealed there.
     */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new TreeMap<>(properties.revealFor(ConsumerConfig.configDef()));
        // A task reads a whole offset range: fewer, larger polls spend less per record on the
        // consumer's per-poll bookkeeping than the client's default of 500; fetches stay under one
        // heap region and arrive in one socket buffer. A kafka {} value wins.
        config.putIfAbsent("max.poll.records", DEFAULT_MAX_POLL_RECORDS);
        config.putIfAbsent("max.partition.fetch.bytes", DEFAULT_MAX_PARTITION_FETCH_BYTES);
        config.putIfAbsent("receive.buffer.bytes", DEFAULT_RECEIVE_BUFFER_BYTES);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", groupId);
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", OptionSpec.enumName(startingOffsets));
        config.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        return config;
    }

    /** Secrets in the {@code kafka} block show as {@code [hidden]}. */
    @Override
    public String toString() {
        return "KafkaSourceOptions{bootstrap-servers=" + bootstrapServers
                + (topicPattern == null ? ", topics=" + topics : ", topic-pattern=" + topicPattern)
                + ", group-id=" + groupId
                + ", starting-offsets=" + OptionSpec.enumName(startingOffsets)
                + (startingOffsetsByPartition.isEmpty() ? "" : ", starting-offsets-by-partition=" + startingOffsetsByPartition)
                + (maxRatePerPartition == null ? "" : ", max-rate-per-partition=" + maxRatePerPartition)
                + ", key-format=" + OptionSpec.enumName(keyFormat)
                + ", value-format=" + OptionSpec.enumName(valueFormat)
                + ", kafka=" + properties
                + ", start-timeout=" + Durations.format(startTimeout) + "}";
    }
}
