package io.sluice.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sluice.api.plugin.PluginContext;

/**
 * A {@link PluginContext} for tests that call a factory's {@code create} directly, as the runtime
 * would on the driver. Defaults: pipeline {@code test-pipeline}, component {@code test-component},
 * batch interval 1s, checkpoint {@code file:/tmp/sluice-test-checkpoint} (never written by
 * {@code create}), and a clock fixed at {@link #FIXED_NOW} so tests that read it are deterministic.
 * Immutable; change one field with a {@code with...} method.
 */
public record TestingPluginContext(String pipelineName, String componentName, Duration batchInterval, String checkpointLocation,
        Clock clock) implements PluginContext {
    /** The instant the default clock is fixed at. */
    public static final Instant FIXED_NOW = Instant.parse("2026-11-30T07:00:00Z");

    public TestingPluginContext {
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(componentName, "componentName is null");
        requireNonNull(batchInterval, "batchInterval is null");
        requireNonNull(checkpointLocation, "checkpointLocation is null");
        requireNonNull(clock, "clock is null");
    }

    /** A context with every default. */
    public static TestingPluginContext create() {
        return new TestingPluginContext("test-pipeline", "test-component", Duration.ofSeconds(1), "file:/tmp/sluice-test-checkpoint",
                Clock.fixed(FIXED_NOW, ZoneOffset.UTC));
    }

    /** A context with every default but the component's name, e.g. {@code sinks[0]} or {@code transforms[1]}. */
    public static TestingPluginContext of(String componentName) {
        return create().withComponentName(componentName);
    }

    public TestingPluginContext withPipelineName(String name) {
        return new TestingPluginContext(name, componentName, batchInterval, checkpointLocation, clock);
    }

    public TestingPluginContext withComponentName(String name) {
        return new TestingPluginContext(pipelineName, name, batchInterval, checkpointLocation, clock);
    }

    public TestingPluginContext withBatchInterval(Duration interval) {
        return new TestingPluginContext(pipelineName, componentName, interval, checkpointLocation, clock);
    }

    public TestingPluginContext withCheckpointLocation(String location) {
        return new TestingPluginContext(pipelineName, componentName, batchInterval, location, clock);
    }

    public TestingPluginContext withClock(Clock newClock) {
        return new TestingPluginContext(pipelineName, componentName, batchInterval, checkpointLocation, newClock);
    }
}
