package io.sluice.api.sink;

import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.plugin.PluginFactory;

/** Creates sinks of one type. Stateless; called on the driver, once per use in a pipeline. */
public interface SinkFactory extends PluginFactory {
    /** Creates a sink from its parsed options; validate here, open no connection yet. */
    Sink create(Options options, PluginContext context);
}
