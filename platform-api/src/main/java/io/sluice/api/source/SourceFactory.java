package io.sluice.api.source;

import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.plugin.PluginFactory;

/** Creates sources of one type. Stateless; called on the driver, once per use in a pipeline. */
public interface SourceFactory extends PluginFactory {
    /**
     * Creates a source from its parsed options. Validate cross-option rules here and throw
     * {@link io.sluice.api.error.SluiceException#user} naming the options; open no connection yet.
     */
    Source create(Options options, PluginContext context);
}
