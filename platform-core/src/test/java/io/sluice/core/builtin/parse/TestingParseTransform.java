package io.sluice.core.builtin.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.testkit.TestingPluginContext;

/** Builds {@code parse} functions from raw options, as the planner does, and runs them on records. */
final class TestingParseTransform {
    static final Origin ORIGIN = new Origin("logs", "p0", 7);

    private TestingParseTransform() {
    }

    static RecordFunction function(Map<String, ?> rawOptions) {
        ParseTransformFactory factory = new ParseTransformFactory();
        RecordTransform transform = factory.create(factory.options().parse(rawOptions), TestingPluginContext.of("transforms[0]"));
        return transform.function();
    }

    static List<Record> apply(RecordFunction function, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        function.apply(record, out::add);
        return out;
    }

    /** Parses {@code line} as a text payload with the given options. */
    static List<Record> parse(Map<String, ?> rawOptions, String line) throws Exception {
        return apply(function(rawOptions), textRecord(line));
    }

    static Record textRecord(String line) {
        return Record.builder().key("k1").payload(line.getBytes(StandardCharsets.UTF_8)).origin(ORIGIN).build();
    }

    /** The record {@link #textRecord} makes, with the given fields added. */
    static Record parsed(String line, Object... namesAndValues) {
        Record.Builder builder = textRecord(line).toBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.field((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** A copy of {@code options} with one more key. */
    static Map<String, Object> with(Map<String, ?> options, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return copy;
    }
}
