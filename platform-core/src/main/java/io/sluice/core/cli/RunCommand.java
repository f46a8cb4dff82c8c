package io.sluice.core.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.sluice.api.option.Durations;
import io.sluice.core.plugin.BoundPipeline;
import io.sluice.core.runtime.PipelineRunner;
import io.sluice.core.runtime.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code sluice run}: runs a pipeline in the foreground. SIGTERM or Ctrl-C stops it gracefully
 * after the batch in progress, and it exits 0.
 */
@Command(name = "run", description = "Runs a pipeline until stopped (SIGTERM or Ctrl-C stop it after the current batch).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli cli;

    @Mixin
    PipelineFileArguments pipelineFile;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop gracefully after this long, e.g. 60s or 10m")
    String duration;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, overriding pipeline.master: local[4], spark://host:7077")
    String master;

    @Override
    public Integer call() {
        BoundPipeline pipeline = pipelineFile.bind(cli.registry());
        Optional<ClassDataArchive> classDataArchive = ClassDataArchive.requested();
        classDataArchive.ifPresent(ClassDataArchive::prepare);
        Optional<Duration> runFor = Optional.ofNullable(duration).map(RunCommand::parseDuration);
        PrintStream out = System.out;
        boolean terminal = System.console() != null;
        PipelineRunner runner = new PipelineRunner(pipeline, new RunOptions(Optional.ofNullable(master), runFor, out, terminal));
        // A handler replaces the JVM's default, which would run shutdown hooks and race Spark's own.
        Signal.handle(new Signal("TERM"), signal -> runner.requestStop());
        Signal.handle(new Signal("INT"), signal -> runner.requestStop());
        PipelineRunner.Outcome outcome = runner.run();
        out.println("Pipeline [" + pipeline.config().settings().name() + "] "
                + (outcome == PipelineRunner.Outcome.COMPLETED ? "ran for " + duration : "stopped") + " after its last complete batch.");
        // Only a run that got through a batch has loaded what the next start needs.
        if (runner.completedBatches() > 0) {
            classDataArchive.ifPresent(archive -> archive.write(pipeline.classLoader()));
        }
        return SluiceCli.OK;
    }

    private static Duration parseDuration(String text) {
        try {
            return Durations.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw io.sluice.api.error.SluiceException.user("--duration: " + e.getMessage());
        }
    }
}
