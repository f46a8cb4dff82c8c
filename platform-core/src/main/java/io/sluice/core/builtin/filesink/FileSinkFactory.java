package io.sluice.core.builtin.filesink;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code file} sinks. Stateless. */
public final class FileSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Writes each batch as a directory of jsonl or csv part files (optionally gzip) on any Hadoop file system; "
                + "idempotent: a replayed batch replaces its directory";
    }

    @Override
    public OptionSpecs options() {
        return FileSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new FileSink(FileSinkOptions.parse(options));
    }
}
