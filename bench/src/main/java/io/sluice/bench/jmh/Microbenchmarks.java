package io.sluice.bench.jmh;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH microbenchmarks of the per-record path, run with the Java 17 flags Spark needs:
 * {@code java -jar sluice-bench.jar jmh [JMH options, e.g. -f 1 -wi 3 -i 5 Parse]}. The
 * inputs and functions they share are in {@link BenchFunctions}.
 */
public final class Microbenchmarks {
    private Microbenchmarks() {
    }

    public static void run(String[] args, String jvmOpens) throws CommandLineOptionException, RunnerException {
        CommandLineOptions given = new CommandLineOptions(args);
        new Runner(new OptionsBuilder().parent(given).jvmArgsAppend(jvmOpens.split(" ")).build()).run();
    }
}
