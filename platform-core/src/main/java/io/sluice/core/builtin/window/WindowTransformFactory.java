package io.sluice.core.builtin.window;

import java.time.Duration;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.record.Record;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.StreamTransformContext;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.builtin.aggregate.WindowSpec;

/**
 * {@code type = window}: every slide, passes on all records of the last {@code length} of batches
 * (Spark's {@code window}). A record is passed on once per window it falls in.
 */
public final class WindowTransformFactory implements TransformFactory {
    static final OptionSpec<Duration> LENGTH = OptionSpec.duration("length").required()
            .doc("Window length, a multiple of the batch interval");
    static final OptionSpecs SPECS = OptionSpecs.of(LENGTH, WindowSpec.SLIDE);

    @Override
    public String type() {
        return "window";
    }

    @Override
    public String description() {
        return "Passes on the records of the last [length] of batches, every [slide]";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public Transform create(Options options, PluginContext context) {
        WindowSpec window = WindowSpec.of(options.get(LENGTH), options.find(WindowSpec.SLIDE).orElse(context.batchInterval()),
                context.batchInterval(), "length");
        return new SlidingWindow(window);
    }

    private record SlidingWindow(WindowSpec window) implements StreamTransform {
        @Override
        public JavaDStream<Record> apply(StreamTransformContext context) {
            return context.input().window(window.sparkLength(), window.sparkSlide());
        }
    }
}
