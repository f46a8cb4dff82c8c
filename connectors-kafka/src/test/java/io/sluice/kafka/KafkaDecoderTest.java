package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

class KafkaDecoderTest {
    private static final byte[] NOT_UTF8 = {'a', (byte) 0xC3, (byte) 0x28};

    @Test
    void decodesTheValueOnlyForReadersOfIt() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.STRING);
        Record consumed = consumed("k", "INFO,hello".getBytes(StandardCharsets.UTF_8));

        assertThat(decode(decoder.pruneOutput(FieldSet.of("value")), consumed).get("value")).isEqualTo("INFO,hello");
        assertThat(decode(decoder.pruneOutput(FieldSet.all()), consumed).get("value")).isEqualTo("INFO,hello");
        Record unread = decode(decoder.pruneOutput(FieldSet.of("offset")), consumed);
        assertThat(unread.get("value")).isInstanceOf(byte[].class);
        assertThat(unread.key()).isEqualTo("k");
        assertThat(unread.get("key")).isEqualTo("k");
    }

    @Test
    void aValueNobodyReadsIsNotCheckedButOneThatIsReadIs() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.STRING);
        Record consumed = consumed(null, NOT_UTF8);

        assertThat(decode(decoder.pruneOutput(FieldSet.of("headers")), consumed)).isSameAs(consumed);
        assertThatThrownBy(() -> decode(decoder.pruneOutput(FieldSet.of("value")), consumed))
                .isInstanceOf(RecordException.class).hasMessage("value is not valid UTF-8");
    }

    @Test
    void addsTheMetadataFieldsInTheirOrderFromOriginAndEventTime() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.STRING);
        Record consumed = consumed("k", "INFO,hello".getBytes(StandardCharsets.UTF_8));

        Record all = decode(decoder, consumed);
        assertThat(all.fieldNames()).containsExactly("key", "value", "topic", "partition", "offset", "timestamp", "headers");
        assertThat(all.get("topic")).isEqualTo("app-logs");
        assertThat(all.get("partition")).isEqualTo(3L);
        assertThat(all.get("offset")).isEqualTo(42L);
        assertThat(all.get("timestamp")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(all.eventTime()).isEqualTo(1_700_000_000_000L);
        assertThat(all.origin()).isEqualTo(new Origin("logs", "app-logs-3", 42L));

        Record someRead = decode(decoder.pruneOutput(FieldSet.of("offset", "value")), consumed);
        assertThat(someRead.fieldNames()).containsExactly("key", "value", "offset", "headers");
    }

    @Test
    void aConverterFromAnOlderCheckpointStillGivesEveryField() throws Exception {
        // Restored from a checkpoint written before the decoder added the metadata, with no decoder
        // behind it (bytes formats had none), the converter adds the fields itself.
        Record restored = new KafkaRecordConverter("logs", false).call(consumedRecord("k", "INFO,hello".getBytes(StandardCharsets.UTF_8)));
        Record decoded = decode(new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.STRING), consumed("k", "INFO,hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(restored.fieldNames()).containsExactly("key", "value", "topic", "partition", "offset", "timestamp", "headers");
        assertThat(restored.get("topic")).isEqualTo(decoded.get("topic"));
        assertThat(restored.get("partition")).isEqualTo(decoded.get("partition"));
        assertThat(restored.get("offset")).isEqualTo(decoded.get("offset"));
        assertThat(restored.get("timestamp")).isEqualTo(decoded.get("timestamp"));
        assertThat(restored.origin()).isEqualTo(decoded.origin());
    }

    @Test
    void jsonMembersReplaceMetadataFieldsOfTheirName() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.JSON);
        Record consumed = consumed(null, "{\"topic\":\"mine\",\"level\":\"WARN\"}".getBytes(StandardCharsets.UTF_8));

        Record decoded = decode(decoder, consumed);
        assertThat(decoded.fieldNames()).containsExactly("key", "topic", "partition", "offset", "timestamp", "headers", "level");
        assertThat(decoded.get("topic")).isEqualTo("mine");
    }

    @Test
    void jsonValuesAreAlwaysDecodedSinceOnlyTheyNameTheirFields() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.JSON);
        Record consumed = consumed(null, "{\"level\":\"WARN\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(decode(decoder.pruneOutput(FieldSet.of("level")), consumed).get("level")).isEqualTo("WARN");
        assertThat(decoder.requiredFields(FieldSet.of("level"))).isEqualTo(FieldSet.of("level", "key", "value"));
    }

    private static Record consumed(String key, byte[] value) throws Exception {
        return new KafkaRecordConverter("logs").call(consumedRecord(key, value));
    }

    private static ConsumerRecord<byte[], byte[]> consumedRecord(String key, byte[] value) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>("app-logs", 3, 42L, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, keyBytes, value, new RecordHeaders(), Optional.empty());
    }

    private static Record decode(RecordFunction decoder, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        decoder.apply(record, out::add);
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
