package io.sluice.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;

import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.contract.SinkContractTest;
import io.sluice.testkit.kafka.KafkaBroker;

/** The {@code kafka} sink keeps the sink contract (as an APPEND sink), against the shared forked broker; one topic per test. */
@Timeout(180)
class KafkaSinkContractTest extends SinkContractTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]*)\"");

    private final KafkaBroker broker = KafkaBroker.shared();
    private final String topic = "sink-contract-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean created;

    @Override
    protected SinkFactory factory() {
        return new KafkaSinkFactory();
    }

    @Override
    protected Map<String, Object> options() {
        if (!created) {
            broker.createTopic(topic, 2);
            created = true;
        }
        return Map.of("bootstrap-servers", broker.bootstrapServers(), "topic", topic, "kafka", Map.of("linger.ms", 1));
    }

    @Override
    protected Optional<Map<String, Object>> optionsWithSecret(String secret) {
        return Optional.of(Map.of("bootstrap-servers", "broker:9092", "topic", topic,
                "kafka", Map.of("security.protocol", "SASL_SSL", "ssl.truststore.password", secret, "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + secret + "\";")));
    }

    @Override
    protected List<String> visibleIds(long batchTime) {
        return broker.consumeAll(topic).stream().map(record -> {
            Matcher id = ID.matcher(new String(record.value(), UTF_8));
            return id.find() ? id.group(1) : "no id in " + new String(record.value(), UTF_8);
        }).toList();
    }
}
