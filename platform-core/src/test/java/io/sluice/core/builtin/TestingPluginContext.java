package io.sluice.core.builtin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sluice.api.plugin.PluginContext;

/** A {@link PluginContext} with a fixed clock. */
public record TestingPluginContext(String pipelineName, String componentName, Duration batchInterval,
        String checkpointLocation, Clock clock) implements PluginContext {
    public static TestingPluginContext of(String componentName) {
        return new TestingPluginContext("test-pipeline", componentName, Duration.ofMillis(200), "file:/tmp/unused",
                Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC));
    }
}
