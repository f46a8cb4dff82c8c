package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldSet;
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

        assertThat(decode(decoder.pruneOutput(FieldSet.of("offset")), consumed)).isSameAs(consumed);
        assertThatThrownBy(() -> decode(decoder.pruneOutput(FieldSet.of("value")), consumed))
                .isInstanceOf(RecordException.class).hasMessage("value is not valid UTF-8");
    }

    @Test
    void jsonValuesAreAlwaysDecodedSinceOnlyTheyNameTheirFields() throws Exception {
        KafkaDecoder decoder = new KafkaDecoder(KafkaFormat.STRING, KafkaFormat.JSON);
        Record consumed = consumed(null, "{\"level\":\"WARN\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(decode(decoder.pruneOutput(FieldSet.of("level")), consumed).get("level")).isEqualTo("WARN");
        assertThat(decoder.requiredFields(FieldSet.of("level"))).isEqualTo(FieldSet.of("level", "key", "value"));
    }

    private static Record consumed(String key, byte[] value) throws Exception {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new KafkaRecordConverter("logs").call(new ConsumerRecord<>("logs", 0, 42L, keyBytes, value));
    }

    private static Record decode(RecordFunction decoder, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        decoder.apply(record, out::add);
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
