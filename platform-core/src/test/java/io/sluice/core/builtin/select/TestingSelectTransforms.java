package io.sluice.core.builtin.select;

import static io.sluice.testkit.Serialization.roundTrip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.testkit.TestingPluginContext;

/** Builds functions from raw options, as the planner does, and runs them on records. */
final class TestingSelectTransforms {
    private static final Origin ORIGIN = new Origin("logs", "p1", 42);

    private TestingSelectTransforms() {
    }

    static RecordFunction function(TransformFactory factory, Map<String, ?> rawOptions) {
        RecordTransform transform = (RecordTransform) factory.create(factory.options().parse(rawOptions), TestingPluginContext.of("transforms[0]"));
        return transform.function();
    }

    static List<Record> apply(RecordFunction function, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        function.apply(record, out::add);
        return out;
    }

    /** A record with key, payload, event time and origin set, and the given fields. */
    static Record record(Object... namesAndValues) {
        Record.Builder builder = Record.builder()
                .key("k")
                .payload("raw".getBytes(StandardCharsets.UTF_8))
                .eventTime(1_000L)
                .origin(ORIGIN);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.field((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }
}
