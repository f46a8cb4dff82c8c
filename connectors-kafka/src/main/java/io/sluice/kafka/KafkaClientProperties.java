package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Secret;

/**
 * The {@code kafka { ... }} block of a source or sink: client properties passed to the Kafka
 * consumer or producer as they are (SASL, SSL, tuning). Values whose key names a secret (see
 * {@link #isSecret}) are held as {@link Secret}s and masked in {@link #toString()}. Immutable.
 */
public final class KafkaClientProperties implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    private final Map<String, Object> values;

    private KafkaClientProperties(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static KafkaClientProperties none() {
        return NONE;
    }

    /**
     * Reads a block, flattening HOCON's nesting ({@code sasl.mechanism = PLAIN} arrives as
     * {@code sasl { mechanism = PLAIN }}).
     *
     * @param reserved keys the connector sets itself; setting one is a user error naming the option to use
     * @param definition the settings of the client the block is for: a number or boolean among them
     *     that does not parse is a user error now, with the pipeline file, not when a client is made
     */
    public static KafkaClientProperties of(Map<String, Object> block, Map<String, String> reserved, ConfigDef definition) {
        requireNonNull(block, "block is null");
        requireNonNull(reserved, "reserved is null");
        requireNonNull(definition, "definition is null");
        Map<String, Object> flat = new TreeMap<>();
        flatten("", block, flat);
        flat.forEach((key, value) -> {
            if (reserved.containsKey(key)) {
                throw SluiceException.user("option [kafka] must not set [" + key + "]: " + reserved.get(key));
            }
            ConfigDef.ConfigKey declared = definition.configKeys().get(key);
            if (declared != null && !(value instanceof Secret)) {
                typed(key, value, declared.type);
            }
        });
        return new KafkaClientProperties(flat);
    }

    /**
     * Whether a client property holds a secret: its name contains {@code password}, {@code secret},
     * {@code token}, {@code credentials} or {@code sasl.jaas}, or one of its dot-separated parts is
     * {@code key} (e.g. {@code ssl.keystore.key}). Errs on the side of masking.
     */
    public static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (name.contains("password") || name.contains("secret") || name.contains("token")
                || name.contains("credentials") || name.contains("sasl.jaas")) {
            return true;
        }
        for (String part : name.split("\\.")) {
            if (part.equals("key")) {
                return true;
            }
        }
        return false;
    }

    /** The properties in clear text, for the Kafka client only. */
    public Map<String, Object> reveal() {
        Map<String, Object> clear = new TreeMap<>();
        values.forEach((key, value) -> clear.put(key, value instanceof Secret secret ? secret.reveal() : value));
        return clear;
    }

    /**
     * The properties for a Kafka client whose settings {@code definition} declares: secrets of
     * password type stay sealed when serialized ({@link KafkaSealedPassword}); other secrets,
     * which Kafka only takes as strings, are in clear text; numbers and booleans are of the type
     * declared, since Spark reads some settings ({@code receive.buffer.bytes}) as an
     * {@code Integer} without parsing them.
     *
     * @throws SluiceException if a number or boolean setting does not parse
     */
    public Map<String, Object> revealFor(ConfigDef definition) {
        Map<String, Object> config = new TreeMap<>();
        values.forEach((key, value) -> {
            ConfigDef.ConfigKey declared = definition.configKeys().get(key);
            if (value instanceof Secret secret) {
                boolean password = declared != null && declared.type == ConfigDef.Type.PASSWORD;
                config.put(key, password ? new KafkaSealedPassword(secret.reveal()) : secret.reveal());
            }
            else {
                config.put(key, declared == null ? value : typed(key, value, declared.type));
            }
        });
        return config;
    }

    private static Object typed(String key, Object value, ConfigDef.Type type) {
        return switch (type) {
            case BOOLEAN, SHORT, INT, LONG, DOUBLE -> {
                try {
                    yield ConfigDef.parseType(key, value, type);
                }
                catch (ConfigException e) {
                    throw SluiceException.user("option [kafka] key [" + key + "] must be of type [" + type.name().toLowerCase(Locale.ROOT)
                            + "], got [" + value + "]");
                }
            }
            default -> value;
        };
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> block, Map<String, Object> out) {
        block.forEach((key, value) -> {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(full, (Map<String, Object>) nested, out);
            }
            else if (value == null) {
                throw SluiceException.user("option [kafka] key [" + full + "] has no value");
            }
            else {
                String text = String.valueOf(value);
                out.put(full, isSecret(full) ? Secret.of(text) : text);
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaClientProperties that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Secret values show as {@code [hidden]}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
