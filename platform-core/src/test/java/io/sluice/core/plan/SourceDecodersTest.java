package io.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

class SourceDecodersTest {
    @Test
    void handsEachRecordToTheDecoderOfItsSource() throws Exception {
        RecordFunction upper = (record, out) -> out.accept(record.toBuilder().field("v", record.getString("v").toUpperCase(Locale.ROOT)).build());
        RecordFunction reject = (record, out) -> {
            throw new RecordException("bad");
        };
        SourceDecoders decoders = new SourceDecoders(Map.of("a", upper, "b", reject));
        List<Record> out = new ArrayList<>();

        decoders.apply(record("a"), out::add);
        decoders.apply(record("c"), out::add);
        decoders.apply(Record.builder().field("v", "x").build(), out::add);

        assertThat(out).extracting(record -> record.getString("v")).containsExactly("X", "x", "x");
        assertThatThrownBy(() -> decoders.apply(record("b"), out::add)).hasMessage("bad");
    }

    private static Record record(String source) {
        return Record.builder().field("v", "x").origin(new Origin(source, "p", 0)).build();
    }
}
