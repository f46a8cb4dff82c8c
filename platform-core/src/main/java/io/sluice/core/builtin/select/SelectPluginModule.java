package io.sluice.core.builtin.select;

import io.sluice.api.plugin.PluginModule;

/** Registers the built-in {@code select}, {@code rename} and {@code drop} transforms. */
public final class SelectPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerTransform(SelectTransformFactory.class);
        registerTransform(RenameTransformFactory.class);
        registerTransform(DropTransformFactory.class);
    }
}
