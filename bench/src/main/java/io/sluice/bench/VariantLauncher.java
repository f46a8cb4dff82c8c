package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;

/**
 * Runs one variant for one {@link JobSpec} in a JVM of its own and turns what it reported into a
 * {@link RunResult}. The Sluice variant goes through {@link SluiceRun} (the real launcher); the
 * others run {@code BenchMain job <variant>} from this jar, with the same heap and the same Java 17
 * flags the Sluice launcher passes.
 */
final class VariantLauncher {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private final BenchSettings settings;
    private final Path benchJar;
    private final Path logs;

    VariantLauncher(BenchSettings settings, Path benchJar, Path logs) {
        this.settings = settings;
        this.benchJar = benchJar;
        this.logs = logs;
    }

    RunResult run(Variant variant, JobSpec spec, LevelCounts expected) throws InterruptedException {
        Path log = logs.resolve(spec.groupId() + ".log");
        if (variant == Variant.SLUICE || variant == Variant.SLUICE_BASELINE) {
            Path home = variant == Variant.SLUICE ? settings.sluiceHome() : settings.baselineSluiceHome().orElseThrow();
            return new SluiceRun(variant, home, settings.heap(), settings.jvmOptions(), spec, log).run(expected);
        }
        // Timed on the output reader's thread, as the lines arrive.
        AtomicLong startedNanos = new AtomicLong(-1);
        AtomicLong firstBatchNanos = new AtomicLong(-1);
        AtomicReference<ChildReport> report = new AtomicReference<>();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.heap());
        command.addAll(List.of(jvmOpens().split(" ")));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-Dlog4j2.configurationFile=bench-log4j2.properties", "-cp", benchJar.toString(),
                BenchMain.class.getName(), "job", variant.id(), spec.toJson()));
        try (ChildProcess child = ChildProcess.start(command, Map.of(), log, line -> {
            if (line.equals(ChildReport.STARTED)) {
                startedNanos.compareAndSet(-1, System.nanoTime());
            }
            if (line.equals(ChildReport.FIRST_BATCH)) {
                firstBatchNanos.compareAndSet(-1, System.nanoTime());
            }
            ChildReport.parse(line).ifPresent(report::set);
        })) {
            int exit = child.awaitExit(RUN_TIMEOUT);
            ChildReport result = report.get();
            if (result == null) {
                throw new IllegalStateException(variant.id() + " reported nothing (exit " + exit + "); see " + log);
            }
            return RunResult.of(variant, spec, result, child.millisFromLaunchTo(startedNanos.get()), child.millisFromLaunchTo(firstBatchNanos.get()),
                    child.peakRssKb(), exit, expected);
        }
    }

    /** The root pom's {@code sluice.jvm.opens}, which {@code bin/sluice} passes too. */
    static String jvmOpens() {
        try (InputStream in = VariantLauncher.class.getResourceAsStream("/sluice-bench.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("sluice.jvm.opens");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
