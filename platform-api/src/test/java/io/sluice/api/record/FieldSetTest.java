package io.sluice.api.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldSetTest {
    @Test
    void everyFieldHoldsEveryNameAndThePayload() {
        assertThat(FieldSet.all().contains("anything")).isTrue();
        assertThat(FieldSet.all().containsPayload()).isTrue();
        assertThat(FieldSet.all().union(FieldSet.of("a"))).isEqualTo(FieldSet.all());
        assertThat(FieldSet.all().minus(List.of("a"))).isEqualTo(FieldSet.all());
    }

    @Test
    void namedFieldsHoldThePayloadOnlyWhenSaid() {
        FieldSet level = FieldSet.of("level");

        assertThat(level.containsPayload()).isFalse();
        assertThat(FieldSet.none().containsPayload()).isFalse();
        assertThat(level.withPayload().containsPayload()).isTrue();
        assertThat(level.withPayload().contains("level")).isTrue();
        assertThat(level.withPayload()).isNotEqualTo(level);
    }

    @Test
    void unionAndMinusKeepThePayload() {
        FieldSet read = FieldSet.of("level").withPayload();

        assertThat(read.union(FieldSet.of("host"))).isEqualTo(FieldSet.of("level", "host").withPayload());
        assertThat(FieldSet.of("host").union(read)).isEqualTo(FieldSet.of("level", "host").withPayload());
        assertThat(read.minus(List.of("level"))).isEqualTo(FieldSet.none().withPayload());
        assertThat(FieldSet.of("host").union(FieldSet.of("level"))).isEqualTo(FieldSet.of("level", "host"));
    }
}
