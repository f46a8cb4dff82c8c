package io.sluice.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, that the test
 * may stop and start (the machine's shared server must never be stopped). Made with the
 * installed {@code initdb}/{@code pg_ctl}; as root they run as the {@code postgres} user, since
 * {@code initdb} refuses root.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path directory;
    private final int port;

    private PrivatePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static PrivatePostgres start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new AssertionError("PostgreSQL 15 server binaries are missing at [" + BIN + "]; the outage test needs them");
        }
        Path directory = Files.createTempDirectory("sluice-pg-");
        if (isRoot()) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal postgres = users.lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres server = new PrivatePostgres(directory, port);
        server.run(BIN.resolve("initdb").toString(), "-D", server.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        server.startServer();
        return server;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server again after {@link #stopServer()}. */
    void startServer() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server at once, as a crash or a power cut would: open connections break mid-transaction. */
    void stopServer() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        }
        catch (AssertionError e) {
            // Already stopped.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path log = directory.resolve("commands.log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("[" + String.join(" ", full) + "] failed; see " + log + ":\n" + Files.readString(log));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
