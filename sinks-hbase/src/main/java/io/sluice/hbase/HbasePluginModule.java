package io.sluice.hbase;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code hbase} sink. */
public final class HbasePluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSink(HbaseSinkFactory.class);
    }
}
