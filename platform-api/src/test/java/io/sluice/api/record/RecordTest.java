package io.sluice.api.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecordTest {
    @Test
    void keepsFieldOrderAndWidensNumbers() {
        Record record = Record.builder().field("b", 1).field("a", 2.5f).field("c", "x").field("b", 7).build();
        assertThat(record.fieldNames()).containsExactly("b", "a", "c");
        assertThat(record.get("b")).isEqualTo(7L);
        assertThat(record.get("a")).isEqualTo(2.5);
    }

    @Test
    void typedAccessorsConvertWhereSensible() {
        Record record = Record.builder().field("n", "42").field("d", "2.5").field("t", Instant.ofEpochMilli(1000)).build();
        assertThat(record.getLong("n")).isEqualTo(42L);
        assertThat(record.getDouble("d")).isEqualTo(2.5);
        assertThat(record.getLong("t")).isEqualTo(1000L);
        assertThat(record.getString("missing")).isNull();
        assertThatThrownBy(() -> record.getLong("d")).hasMessage("Field [d] is not a whole number");
    }

    @Test
    void rejectsUnsupportedValues() {
        assertThatThrownBy(() -> Record.builder().field("x", new Object()))
                .hasMessageStartingWith("Unsupported field value class [java.lang.Object]");
    }

    @Test
    void survivesJavaSerializationIntact() throws Exception {
        Record record = Record.builder().key("k").payload(new byte[] {1, 2}).field("bytes", new byte[] {3})
                .field("at", Instant.parse("2026-11-30T07:00:00Z")).eventTime(5).origin(new Origin("logs", "t-0", 9)).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(record);
        }
    }

    @Test
    void toStringShowsFieldsNotPayloadBytes() {
        Record record = Record.builder().payload(new byte[] {1, 2, 3}).field("level", "ERROR").origin(new Origin("logs", "t-1", 4)).build();
        assertThat(record).hasToString("Record{{level=ERROR}, payload=<3 bytes>, origin=logs/t-1@4}");
    }

    @Test
    void aBuilderChangedAfterBuildLeavesTheBuiltRecordAlone() {
        Record.Builder builder = Record.builder(2).field("a", 1L).field("b", "x");
        Record first = builder.build();
        Record second = builder.field("a", 2L).field("c", true).remove("b").build();
        Record third = builder.clearFields().field("d", 4L).build();

        assertThat(first.fields()).containsExactly(entry("a", 1L), entry("b", "x"));
        assertThat(second.fields()).containsExactly(entry("a", 2L), entry("c", true));
        assertThat(third.fieldNames()).containsExactly("d");
    }

    @Test
    void recordsWithRoomLeftInTheirArraysCompareByTheirFieldsOnly() {
        Record roomy = Record.builder(16).field("a", 1L).build();
        Record exact = Record.builder(1).field("a", 1L).build();
        Record grown = Record.builder(0).field("a", 1L).build();

        assertThat(roomy).isEqualTo(exact).isEqualTo(grown).hasSameHashCodeAs(exact);
        assertThat(roomy.fieldCount()).isEqualTo(1);
        assertThatThrownBy(() -> roomy.fieldValue(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Record.builder(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
