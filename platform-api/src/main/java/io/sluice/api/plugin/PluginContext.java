package io.sluice.api.plugin;

import java.time.Clock;
import java.time.Duration;

import io.sluice.api.ApiVersion;

/**
 * What the runtime hands a factory's {@code create} method on the driver: the pipeline and
 * component names, the clock, and services shared by all plugins. New services arrive as new
 * default methods, so implementations outside Sluice keep compiling. Not serializable: use it on
 * the driver, and copy what executors need into the objects you ship.
 */
public interface PluginContext {
    /** The pipeline's name ({@code pipeline.name}); prefixes state keys, markers and metrics. */
    String pipelineName();

    /** The component's name in the pipeline, e.g. {@code logs} or {@code sinks[1]}; used in messages. */
    String componentName();

    /** The pipeline's batch interval. */
    Duration batchInterval();

    /** The checkpoint location URI of the pipeline ({@code file:...}, {@code hdfs://...}). */
    String checkpointLocation();

    /** The clock to use instead of {@link System#currentTimeMillis()}, so tests can control time. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** The version of the API the runtime implements, {@code MAJOR.MINOR}. */
    default String apiVersion() {
        return ApiVersion.current();
    }
}
