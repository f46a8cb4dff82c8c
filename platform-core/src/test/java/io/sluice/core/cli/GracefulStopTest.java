package io.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run} in its own JVM, stopped with SIGTERM as a service manager would: it finishes
 * the batch in progress, exits 0, and leaves only complete batches behind.
 */
@Timeout(180)
class GracefulStopTest {
    @TempDir
    Path work;

    @Test
    void sigtermStopsAfterACompleteBatchAndExitsZero() throws Exception {
        Path counts = work.resolve("counts");
        Path file = work.resolve("stop.conf");
        Files.writeString(file, """
                pipeline { name = stop, batch-interval = 1s, checkpoint = "file:%s/cp" }
                sources = [ { type = generator, name = logs, rate = 2000 } ]
                transforms = [
                  { type = parse, format = csv, fields = [ts, host, level, message] }
                  { type = count-by-value, field = level }
                ]
                sinks = [ { type = file, path = "file:%s", format = jsonl } ]
                """.formatted(work, counts));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-") || argument.startsWith("-XX:+IgnoreUnrecognized") || argument.startsWith("-Djdk.reflect")) {
                command.add(argument);
            }
        }
        if (System.getProperty("sluice.secret.key") != null) {
            command.add("-Dsluice.secret.key=" + System.getProperty("sluice.secret.key"));
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), SluiceCli.class.getName(), "run", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("sluice.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (completeBatches(counts) < 2) {
                assertThat(process.isAlive()).as("sluice run died early; see " + work.resolve("sluice.log")).isTrue();
                assertThat(System.nanoTime()).as("no batch written in time").isLessThan(deadline);
                Thread.sleep(200);
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped in time").isTrue();
        }
        finally {
            process.destroyForcibly();
        }
        String log = Files.readString(work.resolve("sluice.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("Pipeline [stop] stopped after its last complete batch.");
        try (Stream<Path> batches = Files.list(counts)) {
            List<Path> directories = batches.filter(path -> path.getFileName().toString().startsWith("batch-")).toList();
            assertThat(directories).isNotEmpty().allSatisfy(batch -> assertThat(batch.resolve("_SUCCESS")).exists());
        }
    }

    private static long completeBatches(Path counts) throws IOException {
        if (!Files.isDirectory(counts)) {
            return 0;
        }
        try (Stream<Path> batches = Files.list(counts)) {
            return batches.filter(batch -> Files.exists(batch.resolve("_SUCCESS"))).count();
        }
    }
}
