package io.sluice.redis;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code redis} state store and the {@code redis} sink. */
public final class RedisPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerStateStore(RedisStateStoreFactory.class);
        registerSink(RedisSinkFactory.class);
    }
}
