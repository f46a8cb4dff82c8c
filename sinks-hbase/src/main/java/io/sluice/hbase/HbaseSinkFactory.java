package io.sluice.hbase;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code hbase} sinks. Stateless; opens no connection. */
public final class HbaseSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "hbase";
    }

    @Override
    public String description() {
        return "Puts rows into an HBase table (row key from a template over fields, cells stamped with the batch time); "
                + "idempotent: a replayed batch rewrites the same cells";
    }

    @Override
    public OptionSpecs options() {
        return HbaseSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new HbaseSink(HbaseSinkOptions.parse(options));
    }
}
