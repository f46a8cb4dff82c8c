package io.sluice.jdbc;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code jdbc} sink. */
public final class JdbcPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSink(JdbcSinkFactory.class);
    }
}
