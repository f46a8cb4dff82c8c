package io.sluice.core.builtin.console;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code console} sinks. Stateless. */
public final class ConsoleSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "console";
    }

    @Override
    public String description() {
        return "Prints the first records of each batch to standard output, like DStream.print()";
    }

    @Override
    public OptionSpecs options() {
        return ConsoleSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new ConsoleSink(ConsoleSinkOptions.parse(options));
    }
}
