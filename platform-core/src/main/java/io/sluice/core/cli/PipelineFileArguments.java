package io.sluice.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sluice.core.config.PipelineConfig;
import io.sluice.core.config.PipelineConfigLoader;
import io.sluice.core.plugin.BoundPipeline;
import io.sluice.core.plugin.PipelineBinder;
import io.sluice.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The pipeline file and its overrides, shared by {@code run} and {@code validate}. */
final class PipelineFileArguments {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (HOCON)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key of the file, e.g. --set pipeline.batch-interval=2s or --set sinks.0.limit=20")
    List<String> overrides = new ArrayList<>();

    /** Loads, checks and binds the file. */
    BoundPipeline bind(PluginRegistry registry) {
        PipelineConfig config = new PipelineConfigLoader().load(file, overrides);
        return new PipelineBinder(registry).bind(config);
    }
}
