package io.sluice.core.builtin.map;

import io.sluice.api.plugin.PluginModule;

/** Registers the built-in {@code map} transform. */
public final class MapPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(MapTransformFactory.class);
    }
}
