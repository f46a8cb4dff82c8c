package io.sluice.bench.jmh;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.sluice.api.option.Options;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.bench.LogLines;

/** What the microbenchmarks share: built-in record functions made through their factories, and inputs. */
public final class BenchFunctions {
    private BenchFunctions() {
    }

    /** A built-in transform's record function, made the way the planner makes it. */
    public static RecordFunction function(TransformFactory factory, Map<String, ?> options) {
        Options parsed = factory.options().parse(options);
        return ((RecordTransform) factory.create(parsed, new BenchPluginContext())).function();
    }

    /** Lines as the Kafka source hands them on: payload bytes and an origin. */
    public static List<Record> csvRecords(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Record.ofText(LogLines.line(i), new Origin("logs", "bench-log-lines-" + (i % 4), i / 4)))
                .toList();
    }

    public static List<Record> jsonRecords(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String[] parts = LogLines.line(i).split(",", 4);
            String json = "{\"ts\":\"" + parts[0] + "\",\"host\":\"" + parts[1] + "\",\"level\":\"" + parts[2] + "\",\"message\":\"" + parts[3] + "\"}";
            return Record.ofText(json, new Origin("logs", "bench-log-lines-" + (i % 4), i / 4));
        }).toList();
    }

    /** Applies a function to every record, handing what it emits to {@code sink}. */
    public static void applyAll(RecordFunction function, List<Record> records, Consumer<Record> sink) throws Exception {
        for (Record record : records) {
            function.apply(record, sink);
        }
    }

    private static final class BenchPluginContext implements io.sluice.api.plugin.PluginContext {
        @Override
        public String pipelineName() {
            return "bench";
        }

        @Override
        public String componentName() {
            return "bench";
        }

        @Override
        public java.time.Duration batchInterval() {
            return java.time.Duration.ofSeconds(1);
        }

        @Override
        public String checkpointLocation() {
            return "file:/tmp/sluice-bench-jmh";
        }
    }
}
