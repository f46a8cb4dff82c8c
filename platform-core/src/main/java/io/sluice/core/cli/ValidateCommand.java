package io.sluice.core.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.sluice.core.plugin.BoundPipeline;
import io.sluice.core.runtime.DeliveryReport;
import io.sluice.core.runtime.PipelineComponents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sluice validate}: checks a pipeline file without starting Spark: HOCON syntax, includes
 * and substitutions, every block's plugin type and options, and each plugin's own cross-option
 * rules (by creating, not opening, the plugins).
 */
@Command(name = "validate", description = "Checks a pipeline file without running it; prints every problem with file and line.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli cli;

    @Mixin
    PipelineFileArguments pipelineFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BoundPipeline pipeline = pipelineFile.bind(cli.registry());
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineComponents components = new PipelineComponents(pipeline)) {
            out.printf("%s: pipeline [%s] is valid: %d source(s), %d transform(s), %d sink(s)%n", pipelineFile.file,
                    pipeline.config().settings().name(), pipeline.sources().size(), pipeline.transforms().size(), pipeline.sinks().size());
            out.println("Delivery: " + DeliveryReport.of(components.sources(), components.sinks()));
            pipeline.warnings().forEach(warning -> out.println("Warning: " + warning));
        }
        return SluiceCli.OK;
    }
}
