package io.sluice.core.builtin.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Record;
import scala.Tuple2;

class PartitionCombinerTest {
    private static final Aggregation BY_HOST = new Aggregation(List.of("host"),
            List.of(AggregateSpec.parse("count"), AggregateSpec.parse("sum(ms)"), AggregateSpec.parse("min(ms)"), AggregateSpec.parse("max(ms)")));

    @Test
    void combinesEachGroupOnceWithTheSameResultsAsMergingRowByRow() throws Exception {
        List<Record> rows = List.of(row("a", 5L), row("b", 1.5), row("a", 2L), row(null, 7L), row("a", null), row(null, 1L));

        Map<GroupKey, Partial> combined = combine(BY_HOST, rows);

        assertThat(combined).hasSize(3);
        assertThat(output(combined, "a"))
                .containsExactly(Map.entry("host", "a"), Map.entry("count", 3L), Map.entry("sum_ms", 7L), Map.entry("min_ms", 2L), Map.entry("max_ms", 5L));
        assertThat(output(combined, "b"))
                .containsEntry("sum_ms", 1.5).containsEntry("min_ms", 1.5);
        assertThat(output(combined, null))
                .containsEntry("host", null).containsEntry("count", 2L).containsEntry("max_ms", 7L);
    }

    @Test
    void emitsAndStartsAfreshPastTheGroupLimitWithoutLosingRows() throws Exception {
        int groups = PartitionCombiner.MAX_GROUPS + 10;
        List<Record> rows = new ArrayList<>();
        for (int i = 0; i < groups * 2; i++) {
            rows.add(row("h" + (i % groups), 1L));
        }
        Map<GroupKey, Partial> merged = new HashMap<>();
        Iterator<Tuple2<GroupKey, Partial>> emitted = BY_HOST.combine(prepared(BY_HOST, rows).iterator());
        int pairs = 0;
        while (emitted.hasNext()) {
            Tuple2<GroupKey, Partial> pair = emitted.next();
            merged.merge(pair._1(), pair._2(), BY_HOST::merge);
            pairs++;
        }

        assertThat(pairs).isGreaterThan(groups);
        assertThat(merged).hasSize(groups);
        assertThat(merged.values()).allSatisfy(partial -> assertThat(partial.rows()).isEqualTo(2));
    }

    @Test
    void itsPrepareStepReadsOnlyKeysAndAggregateInputs() {
        assertThat(BY_HOST.prepare().requiredFields(FieldSet.all())).isEqualTo(FieldSet.of("host", "ms"));
    }

    private static Record row(String host, Object ms) {
        return Record.builder().field("host", host).field("ms", ms).field("other", "x").build();
    }

    private static List<Record> prepared(Aggregation aggregation, List<Record> rows) throws Exception {
        List<Record> prepared = new ArrayList<>();
        for (Record row : rows) {
            aggregation.prepare().apply(row, prepared::add);
        }
        return prepared;
    }

    private static Map<GroupKey, Partial> combine(Aggregation aggregation, List<Record> rows) throws Exception {
        Map<GroupKey, Partial> combined = new HashMap<>();
        Iterator<Tuple2<GroupKey, Partial>> emitted = aggregation.combine(prepared(aggregation, rows).iterator());
        while (emitted.hasNext()) {
            Tuple2<GroupKey, Partial> pair = emitted.next();
            assertThat(combined.put(pair._1(), pair._2())).as("group %s emitted twice", pair._1()).isNull();
        }
        return combined;
    }

    private static Map<String, Object> output(Map<GroupKey, Partial> combined, String host) {
        GroupKey key = new GroupKey(new Object[] {host});
        return BY_HOST.output(key, combined.get(key), Record.builder()).build().fields();
    }
}
