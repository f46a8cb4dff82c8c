package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.KafkaUtils$;
import org.junit.jupiter.api.Test;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginKind;
import io.sluice.api.plugin.PluginModule;
import io.sluice.core.TestPipelines;
import io.sluice.testkit.Serialization;

/** Discovery, documentation and option rules of the Kafka plugin; no broker needed. */
class KafkaPluginTest {
    @Test
    void isFoundThroughServiceLoaderAsSourceAndSink() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(KafkaPluginModule.class);
        assertThat(TestPipelines.REGISTRY.find(PluginKind.SOURCE, "kafka")).containsInstanceOf(KafkaSourceFactory.class);
        assertThat(TestPipelines.REGISTRY.find(PluginKind.SINK, "kafka")).containsInstanceOf(KafkaSinkFactory.class);
    }

    @Test
    void documentsEveryOption() {
        List<OptionSpec<?>> all = new java.util.ArrayList<>(KafkaSourceOptions.SPECS.specs());
        all.addAll(KafkaSinkOptions.SPECS.specs());
        assertThat(all).allSatisfy(spec -> assertThat(spec.doc()).as(spec.key()).isNotBlank());
    }

    @Test
    void parsesSourceOptionsAndMasksSecretsOfTheKafkaBlock() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bootstrap-servers", "broker:9092");
        raw.put("topics", List.of("log_topic"));
        raw.put("starting-offsets", "earliest");
        raw.put("starting-offsets-by-partition", Map.of("log_topic-0", 42));
        raw.put("value-format", "json");
        raw.put("kafka", Map.of("security", Map.of("protocol", "SASL_SSL"),
                "sasl", Map.of("jaas", Map.of("config", "PlainLoginModule required password=\"hunter2\";")),
                "ssl", Map.of("truststore", Map.of("password", "changeit"))));

        KafkaSourceOptions options = KafkaSourceOptions.parse(KafkaSourceOptions.SPECS.parse(raw), "sluice-test");

        assertThat(options.groupId()).isEqualTo("sluice-test");
        assertThat(options.startingOffsetsByPartition()).containsExactly(Map.entry(new TopicPartition("log_topic", 0), 42L));
        assertThat(options.valueFormat()).isEqualTo(KafkaFormat.JSON);
        assertThat(options.toString()).contains("security.protocol=SASL_SSL", "sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]")
                .doesNotContain("hunter2", "changeit");
        assertThat(options.consumerConfig())
                .containsEntry("enable.auto.commit", false)
                .containsEntry("ssl.truststore.password", new org.apache.kafka.common.config.types.Password("changeit"))
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("max.poll.records", KafkaSourceOptions.DEFAULT_MAX_POLL_RECORDS)
                .containsEntry("max.partition.fetch.bytes", KafkaSourceOptions.DEFAULT_MAX_PARTITION_FETCH_BYTES)
                .containsEntry("receive.buffer.bytes", KafkaSourceOptions.DEFAULT_RECEIVE_BUFFER_BYTES);
    }

    @Test
    void aConsumerSettingOfTheUserWinsOverSluicesDefault() {
        Map<String, Object> raw = Map.of("bootstrap-servers", "broker:9092", "topics", List.of("log_topic"),
                "kafka", Map.of("max.poll.records", 250, "max.partition.fetch.bytes", 2097152, "receive.buffer.bytes", 131072));

        KafkaSourceOptions options = KafkaSourceOptions.parse(KafkaSourceOptions.SPECS.parse(raw), "sluice-test");

        assertThat(String.valueOf(options.consumerConfig().get("max.poll.records"))).isEqualTo("250");
        assertThat(String.valueOf(options.consumerConfig().get("max.partition.fetch.bytes"))).isEqualTo("2097152");
        assertThat(String.valueOf(options.consumerConfig().get("receive.buffer.bytes"))).isEqualTo("131072");
    }

    @Test
    void numberSettingsReachSparkAsNumbers() {
        Map<String, Object> raw = Map.of("bootstrap-servers", "broker:9092", "topics", List.of("log_topic"),
                "kafka", Map.of("receive.buffer.bytes", "131072", "check.crcs", "false"));

        Map<String, Object> config = KafkaSourceOptions.parse(KafkaSourceOptions.SPECS.parse(raw), "sluice-test").consumerConfig();

        assertThat(config).containsEntry("receive.buffer.bytes", 131072).containsEntry("check.crcs", false);
        // Spark's executor-side fix-up (package-private in Scala, so called on its module) casts
        // receive.buffer.bytes to Integer: a String there failed the stream's start.
        HashMap<String, Object> executorConfig = new HashMap<>(config);
        KafkaUtils$.MODULE$.fixKafkaParams(executorConfig);
        assertThat(executorConfig).containsEntry("receive.buffer.bytes", 131072);
    }

    @Test
    void aNumberSettingThatDoesNotParseIsAConfigError() {
        Map<String, Object> raw = Map.of("bootstrap-servers", "broker:9092", "topics", List.of("log_topic"),
                "kafka", Map.of("receive.buffer.bytes", "1MB"));

        assertThatThrownBy(() -> KafkaSourceOptions.parse(KafkaSourceOptions.SPECS.parse(raw), "sluice-test"))
                .isInstanceOf(SluiceException.class)
                .hasMessage("option [kafka] key [receive.buffer.bytes] must be of type [int], got [1MB]");
    }

    @Test
    void consumerSecretsStaySealedWhenSparkCheckpointsTheStream() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bootstrap-servers", "broker:9092");
        raw.put("topics", List.of("log_topic"));
        raw.put("kafka", Map.of("ssl", Map.of("truststore", Map.of("password", "changeit-now"))));
        java.util.HashMap<String, Object> config = new java.util.HashMap<>(source(raw).consumerConfig());

        byte[] bytes = Serialization.serialize(config);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("changeit-now");
        Map<String, Object> read = Serialization.roundTrip(config);
        // Kafka itself takes the restored value as its password setting.
        org.apache.kafka.clients.consumer.ConsumerConfig parsed = new org.apache.kafka.clients.consumer.ConsumerConfig(withDeserializers(read));
        assertThat(parsed.getPassword("ssl.truststore.password").value()).isEqualTo("changeit-now");
    }

    private static Map<String, Object> withDeserializers(Map<String, Object> config) {
        Map<String, Object> all = new java.util.HashMap<>(config);
        all.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        all.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        return all;
    }

    @Test
    void rejectsBothOrNeitherTopicOptionAndReservedClientKeys() {
        assertThatThrownBy(() -> source(Map.of("bootstrap-servers", "b:9092")))
                .isInstanceOf(SluiceException.class).hasMessage("set exactly one of options [topics] and [topic-pattern]; neither is set");
        assertThatThrownBy(() -> source(Map.of("bootstrap-servers", "b:9092", "topics", "a", "topic-pattern", "a.*")))
                .hasMessage("set exactly one of options [topics] and [topic-pattern]; both are set");
        assertThatThrownBy(() -> source(Map.of("bootstrap-servers", "b:9092", "topics", "a", "kafka", Map.of("enable", Map.of("auto", Map.of("commit", true))))))
                .hasMessageContaining("option [kafka] must not set [enable.auto.commit]");
        assertThatThrownBy(() -> source(Map.of("bootstrap-servers", "b:9092", "topics", "a", "starting-offsets-by-partition", Map.of("nopartition", 1))))
                .hasMessageContaining("is not of the form topic-partition");
        assertThatThrownBy(() -> KafkaSinkOptions.parse(KafkaSinkOptions.SPECS.parse(Map.of("bootstrap-servers", "b:9092"))))
                .hasMessage("set exactly one of options [topic] and [topic-field]; neither is set");
    }

    @Test
    void sinkForcesAnIdempotentProducer() {
        Options raw = KafkaSinkOptions.SPECS.parse(Map.of("bootstrap-servers", "b:9092", "topic", "out",
                "kafka", Map.of("sasl", Map.of("jaas", Map.of("config", "secret-config")))));
        KafkaSinkOptions options = KafkaSinkOptions.parse(raw);

        assertThat(options.producerConfig()).containsEntry("enable.idempotence", "true").containsEntry("acks", "all");
        assertThat(options.toString()).contains("sasl.jaas.config=[hidden]").doesNotContain("secret-config");
    }

    @Test
    void sinkNumberSettingsAreTypedAndOneThatDoesNotParseIsAConfigError() {
        Options typed = KafkaSinkOptions.SPECS.parse(Map.of("bootstrap-servers", "b:9092", "topic", "out",
                "kafka", Map.of("linger.ms", "20", "batch.size", 65536)));
        assertThat(KafkaSinkOptions.parse(typed).producerConfig()).containsEntry("linger.ms", 20L).containsEntry("batch.size", 65536);

        Options bad = KafkaSinkOptions.SPECS.parse(Map.of("bootstrap-servers", "b:9092", "topic", "out", "kafka", Map.of("linger.ms", "soon")));
        assertThatThrownBy(() -> KafkaSinkOptions.parse(bad))
                .isInstanceOf(SluiceException.class)
                .hasMessage("option [kafka] key [linger.ms] must be of type [long], got [soon]");
    }

    private static KafkaSourceOptions source(Map<String, Object> raw) {
        return KafkaSourceOptions.parse(KafkaSourceOptions.SPECS.parse(raw), "g");
    }
}
