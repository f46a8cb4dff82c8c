package io.sluice.testkit.memory;

import static java.util.Objects.requireNonNull;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.record.Record;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;
import io.sluice.api.source.SourceFactory;

/** {@code type = memory} source: batches fed by a test through {@link MemoryStreams#feed}. */
public final class MemorySourceFactory implements SourceFactory {
    static final OptionSpec<String> STREAM = OptionSpec.string("stream").required()
            .doc("Id of the in-memory stream the test feeds");
    static final OptionSpec<Integer> PARTITIONS = OptionSpec.integer("partitions").defaultValue(2).atLeast(1)
            .doc("Partitions per batch");

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public String description() {
        return "Test source: batches a test feeds in the same JVM (local mode only)";
    }

    @Override
    public OptionSpecs options() {
        return OptionSpecs.of(STREAM, PARTITIONS);
    }

    @Override
    public Source create(Options options, PluginContext context) {
        return new MemorySource(options.get(STREAM), options.get(PARTITIONS));
    }

    private record MemorySource(String stream, int partitions) implements Source {
        MemorySource {
            requireNonNull(stream, "stream is null");
        }

        @Override
        public JavaDStream<Record> open(SourceContext context) {
            MemoryInputDStream input = new MemoryInputDStream(context.streamingContext().ssc(), stream, context.sourceName(), partitions);
            return new JavaDStream<>(input, scala.reflect.ClassTag$.MODULE$.apply(Record.class));
        }

        @Override
        public SourceDelivery delivery() {
            // Queued batches live in this JVM only; a restart cannot read them again.
            return SourceDelivery.AT_MOST_ONCE;
        }
    }
}
