package io.sluice.core.builtin.select;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.api.plugin.PluginContext;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;

/** Builds functions from raw options, as the planner does, and runs them on records. */
final class TestingSelectTransforms {
    private static final Origin ORIGIN = new Origin("logs", "p1", 42);

    private TestingSelectTransforms() {
    }

    static RecordFunction function(TransformFactory factory, Map<String, ?> rawOptions) {
        RecordTransform transform = (RecordTransform) factory.create(factory.options().parse(rawOptions), new TestingContext());
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

    static RecordFunction roundTrip(RecordFunction function) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(function);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RecordFunction) in.readObject();
        }
    }

    private static final class TestingContext implements PluginContext {
        @Override
        public String pipelineName() {
            return "test";
        }

        @Override
        public String componentName() {
            return "transforms[0]";
        }

        @Override
        public Duration batchInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public String checkpointLocation() {
            return "file:/tmp/test";
        }
    }
}
