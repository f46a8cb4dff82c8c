package io.sluice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One variant's JVM: started with its output (stdout and stderr merged) copied to a log file and
 * handed line by line to a listener, and its peak resident set size sampled while it works: until
 * it exits, or until it is asked to stop once it has done the run's work. A Sluice run then stops
 * gracefully, finishing the batches Spark has queued meanwhile (the hand-written job stops at once
 * when done), and that is not the job being measured.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final long launchedNanos;
    private final Thread reader;
    private final Thread sampler;
    private volatile long peakRssKb;
    private volatile boolean working = true;

    private ChildProcess(Process process, long launchedNanos, Path log, Consumer<String> lines) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.reader = new Thread(() -> copyLines(log, lines), "child-output");
        this.sampler = new Thread(this::sampleRss, "child-rss");
        reader.setDaemon(true);
        sampler.setDaemon(true);
        reader.start();
        sampler.start();
    }

    static ChildProcess start(List<String> command, Map<String, String> environment, Path log, Consumer<String> lines) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            // Launched back to back, runs lock onto the phase of the wall clock's second, and a Spark
            // job waits for its first batch time: a variant would draw the same share of that wait
            // every time. A random pause first makes it a fair draw.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1_000));
            long launched = System.nanoTime();
            return new ChildProcess(builder.start(), launched, log, lines);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before starting " + command.get(0), e);
        }
    }

    /**
     * From the launch to {@code nanoTime}, a {@link System#nanoTime()} taken since (when a line
     * arrived); -1 for a negative one, which stands for a line that never came.
     */
    long millisFromLaunchTo(long nanoTime) {
        return nanoTime < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanoTime - launchedNanos);
    }

    /** Asks the process to stop (SIGTERM): Sluice then stops gracefully after the current batch. The peak RSS is taken now. */
    void requestStop() {
        working = false;
        samplePeakRss();
        process.destroy();
    }

    /** Waits for the process to exit and its output to be read; kills it after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long peakRssKb() {
        return peakRssKb;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void copyLines(Path log, Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                lines.accept(line);
            }
        }
        catch (IOException e) {
            // The process went away; what was read is in the log.
        }
    }

    private void sampleRss() {
        while (working && process.isAlive()) {
            try {
                samplePeakRss();
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reads the peak so far (VmHWM of {@code /proc/<pid>/status}); nothing once the process is gone. */
    private synchronized void samplePeakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // The process exited: its last sample stands.
        }
    }
}
