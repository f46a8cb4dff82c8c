package io.sluice.hdfs;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code hdfs} sinks. Stateless. */
public final class HdfsSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "hdfs";
    }

    @Override
    public String description() {
        return "Writes each batch as jsonl, csv or parquet files (optionally gzip or snappy) on any Hadoop file system, "
                + "in Hive-style partition directories; idempotent: a replayed batch replaces its directories";
    }

    @Override
    public OptionSpecs options() {
        return HdfsSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new HdfsSink(HdfsSinkOptions.parse(options));
    }
}
