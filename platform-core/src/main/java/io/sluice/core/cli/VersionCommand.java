package io.sluice.core.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice version}. */
@Command(name = "version", description = "Prints the versions of Sluice, its API, Spark, Scala and Java.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new SluiceCli.Version().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return SluiceCli.OK;
    }
}
