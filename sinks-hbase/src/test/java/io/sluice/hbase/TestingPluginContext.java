package io.sluice.hbase;

import java.time.Duration;

import io.sluice.api.plugin.PluginContext;

/** A plugin context for creating sinks outside a pipeline. */
record TestingPluginContext(String pipelineName, String componentName) implements PluginContext {
    @Override
    public Duration batchInterval() {
        return Duration.ofMillis(500);
    }

    @Override
    public String checkpointLocation() {
        return "file:/tmp/unused";
    }
}
