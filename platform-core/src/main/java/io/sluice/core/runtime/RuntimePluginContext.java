package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import io.sluice.api.plugin.PluginContext;

/** The {@link PluginContext} the runtime hands each factory. */
record RuntimePluginContext(String pipelineName, String componentName, Duration batchInterval, String checkpointLocation)
        implements PluginContext {
    RuntimePluginContext {
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(componentName, "componentName is null");
        requireNonNull(batchInterval, "batchInterval is null");
        requireNonNull(checkpointLocation, "checkpointLocation is null");
    }
}
