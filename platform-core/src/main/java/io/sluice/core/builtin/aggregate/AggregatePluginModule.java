package io.sluice.core.builtin.aggregate;

import io.sluice.api.plugin.PluginModule;

/** Registers {@code aggregate} and {@code count-by-value}. */
public final class AggregatePluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(AggregateTransformFactory.class);
        registerTransform(CountByValueTransformFactory.class);
    }
}
