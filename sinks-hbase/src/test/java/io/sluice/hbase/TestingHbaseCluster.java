package io.sluice.hbase;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HBase's mini cluster in a JVM of its own ({@code hbase-mini-cluster}'s main class on that module's
 * class path), started on first use once per test JVM and stopped when the test JVM exits (closing
 * the fixture's stdin ends it). Fails loudly when it cannot start. HBase's test jars never enter
 * this JVM, where Spark runs on its own Hadoop.
 */
final class TestingHbaseCluster {
    private static final Path FIXTURE = Path.of("..", "hbase-mini-cluster", "target");
    private static final Pattern READY = Pattern.compile("HBASE-MINI-CLUSTER READY zookeeper-port=(\\d+)");
    private static TestingHbaseCluster instance;

    private final Process process;
    private final int zookeeperPort;
    private final java.util.concurrent.BlockingQueue<String> replies;
    private final PrintWriter commands;

    private TestingHbaseCluster(Process process, int zookeeperPort, java.util.concurrent.BlockingQueue<String> replies) {
        this.process = process;
        this.zookeeperPort = zookeeperPort;
        this.replies = replies;
        this.commands = new PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(), UTF_8), true);
    }

    /** Stops the only region server, as a crash of its machine would: the cluster serves no table until {@link #startRegionServer}. */
    void stopRegionServer() {
        command("stop-regionserver", "REGIONSERVER STOPPED");
    }

    /** Starts a new region server; the master reassigns the regions to it. */
    void startRegionServer() {
        command("start-regionserver", "REGIONSERVER STARTED");
    }

    private synchronized void command(String command, String reply) {
        commands.println(command);
        try {
            String line = replies.poll(120, TimeUnit.SECONDS);
            if (!reply.equals(line)) {
                throw new AssertionError("the HBase mini cluster answered [" + line + "] to [" + command + "]");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static synchronized TestingHbaseCluster get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "hbase-mini-cluster-stop"));
        }
        return instance;
    }

    /** The quorum to give the sink, {@code 127.0.0.1:<port>}. */
    String zookeeperQuorum() {
        return "127.0.0.1:" + zookeeperPort;
    }

    private static TestingHbaseCluster start() {
        try {
            Path classpathFile = FIXTURE.resolve("fixture-classpath.txt");
            if (!Files.exists(classpathFile)) {
                throw new AssertionError("[" + classpathFile.toAbsolutePath() + "] is missing; build with -am so hbase-mini-cluster is built first");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (argument.startsWith("--add-") || argument.startsWith("-XX:+IgnoreUnrecognized") || argument.startsWith("-Djdk.reflect")
                        || argument.startsWith("-Dorg.apache.hbase")) {
                    command.add(argument);
                }
            }
            command.addAll(List.of("-Xmx1g", "-cp", FIXTURE.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                    + Files.readString(classpathFile).trim(), "io.sluice.testkit.hbase.HbaseMiniClusterMain",
                    Path.of("target", "hbase-mini-cluster-data").toAbsolutePath().toString()));
            Path log = Path.of("target", "hbase-mini-cluster.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            java.util.concurrent.BlockingQueue<String> replies = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
                        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, UTF_8), true)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        out.println(line);
                        Matcher ready = READY.matcher(line);
                        if (ready.find()) {
                            port.complete(Integer.parseInt(ready.group(1)));
                        }
                        if (line.startsWith("REGIONSERVER ") || line.startsWith("UNKNOWN COMMAND")) {
                            replies.add(line);
                        }
                    }
                }
                catch (IOException e) {
                    port.completeExceptionally(e);
                }
                port.completeExceptionally(new AssertionError("the HBase mini cluster exited before it was ready; see " + log.toAbsolutePath()));
            }, "hbase-mini-cluster-log");
            reader.setDaemon(true);
            reader.start();
            try {
                return new TestingHbaseCluster(process, port.get(240, TimeUnit.SECONDS), replies);
            }
            catch (Exception e) {
                process.destroyForcibly();
                throw new AssertionError("the HBase mini cluster did not start; see " + log.toAbsolutePath(), e);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        // Closing its stdin tells the fixture to shut the cluster down.
        commands.close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
