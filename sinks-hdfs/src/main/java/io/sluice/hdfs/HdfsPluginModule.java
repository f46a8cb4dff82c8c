package io.sluice.hdfs;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code hdfs} sink. */
public final class HdfsPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSink(HdfsSinkFactory.class);
    }
}
