package io.sluice.jdbc;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code jdbc} sinks. Stateless; opens no connection. */
public final class JdbcSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public String description() {
        return "Writes rows to PostgreSQL, MariaDB/MySQL or H2: appends, upserts by key, or exactly-once "
                + "(rows and source positions in one transaction)";
    }

    @Override
    public OptionSpecs options() {
        return JdbcSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new JdbcSink(JdbcSinkOptions.parse(options), context.pipelineName());
    }
}
