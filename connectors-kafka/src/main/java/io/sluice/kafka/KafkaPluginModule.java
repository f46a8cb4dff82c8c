package io.sluice.kafka;

import io.sluice.api.plugin.PluginModule;

/** Registers the {@code kafka} source and sink. */
public final class KafkaPluginModule extends PluginModule {
    @Override
    protected void configure() {
        registerSource(KafkaSourceFactory.class);
        registerSink(KafkaSinkFactory.class);
    }
}
