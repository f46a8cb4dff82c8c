package io.sluice.core.builtin.filter;

import io.sluice.api.plugin.PluginModule;

/** Registers the built-in {@code filter} transform. */
public final class FilterPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(FilterTransformFactory.class);
    }
}
