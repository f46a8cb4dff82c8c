package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code kafka} sink. Immutable and serializable: shipped to executors
 * inside the writer factory (and so into the Spark checkpoint; see the connector's notes on secrets).
 */
public final class KafkaSinkOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    static final OptionSpec<String> BOOTSTRAP_SERVERS = OptionSpec.string("bootstrap-servers").required()
            .doc("Kafka brokers to connect to first, host:port[,host:port...]");
    static final OptionSpec<String> TOPIC = OptionSpec.string("topic")
            .doc("Topic every record is written to; set this or topic-field");
    static final OptionSpec<String> TOPIC_FIELD = OptionSpec.string("topic-field")
            .doc("Field naming each record's topic; set this or topic");
    static final OptionSpec<String> KEY_FIELD = OptionSpec.string("key-field")
            .doc("Field whose value (as text, or bytes as they are) is the Kafka key; default: the record's key");
    static final OptionSpec<String> VALUE_FIELD = OptionSpec.string("value-field")
            .doc("Field whose value (as UTF-8 text, or bytes as they are) is the Kafka value; default: all fields as a JSON object");
    static final OptionSpec<Map<String, Object>> KAFKA = OptionSpec.object("kafka")
            .doc("Kafka producer properties passed as they are (security.protocol, sasl.*, ssl.*, compression.type, ...); "
                    + "values of keys naming a password, secret, token, key or sasl.jaas are masked");

    static final OptionSpecs SPECS = OptionSpecs.of(BOOTSTRAP_SERVERS, TOPIC, TOPIC_FIELD, KEY_FIELD, VALUE_FIELD, KAFKA);

    /** Producer settings the sink owns; the {@code kafka} block may not set them. */
    static final Map<String, String> RESERVED = Map.of(
            "bootstrap.servers", "use option [bootstrap-servers]",
            "enable.idempotence", "the sink always uses an idempotent producer",
            "acks", "the sink always waits for all in-sync replicas (acks = all)",
            "key.serializer", "keys are written as bytes; choose them with option [key-field]",
            "value.serializer", "values are written as bytes; choose them with option [value-field]");

    private final String bootstrapServers;
    private final String topic;
    private final String topicField;
    private final String keyField;
    private final String valueField;
    private final KafkaClientProperties properties;

    private KafkaSinkOptions(String bootstrapServers, String topic, String topicField, String keyField, String valueField,
            KafkaClientProperties properties) {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
        this.topic = topic;
        this.topicField = topicField;
        this.keyField = keyField;
        this.valueField = valueField;
        this.properties = requireNonNull(properties, "properties is null");
    }

    /** Reads and cross-checks a sink's options; throws a user error naming the options at fault. */
    public static KafkaSinkOptions parse(Options options) {
        if (options.isSet(TOPIC) == options.isSet(TOPIC_FIELD)) {
            throw SluiceException.user("set exactly one of options [topic] and [topic-field]"
                    + (options.isSet(TOPIC) ? "; both are set" : "; neither is set"));
        }
        return new KafkaSinkOptions(
                options.get(BOOTSTRAP_SERVERS),
                options.find(TOPIC).orElse(null),
                options.find(TOPIC_FIELD).orElse(null),
                options.find(KEY_FIELD).orElse(null),
                options.find(VALUE_FIELD).orElse(null),
                options.find(KAFKA).map(block -> KafkaClientProperties.of(block, RESERVED, ProducerConfig.configDef()))
                        .orElse(KafkaClientProperties.none()));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    public Optional<String> topicField() {
        return Optional.ofNullable(topicField);
    }

    public Optional<String> keyField() {
        return Optional.ofNullable(keyField);
    }

    public Optional<String> valueField() {
        return Optional.ofNullable(valueField);
    }

    public KafkaClientProperties properties() {
        return properties;
    }

    /**
     * The producer's configuration, with the {@code kafka} block's numbers and booleans of the types
     * the producer declares (checked when the options were parsed); keys the per-executor producer pool.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new TreeMap<>(properties.revealFor(ProducerConfig.configDef()));
        config.put("bootstrap.servers", bootstrapServers);
        config.put("enable.idempotence", "true");
        config.put("acks", "all");
        config.put("key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        config.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        return config;
    }

    /** Secrets in the {@code kafka} block show as {@code [hidden]}. */
    @Override
    public String toString() {
        return "KafkaSinkOptions{bootstrap-servers=" + bootstrapServers
                + (topic != null ? ", topic=" + topic : ", topic-field=" + topicField)
                + (keyField == null ? "" : ", key-field=" + keyField)
                + (valueField == null ? "" : ", value-field=" + valueField)
                + ", kafka=" + properties + "}";
    }
}
