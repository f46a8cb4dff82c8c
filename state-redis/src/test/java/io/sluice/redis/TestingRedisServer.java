package io.sluice.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.SaveMode;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A redis-server process of the test's own, on a free loopback port, that a test can stop and start
 * again (the machine's shared Redis must not be stopped). No periodic saves; {@link #stop()} is
 * {@code SHUTDOWN SAVE}, so a restart finds the data it had, as a production Redis with persistence
 * would, while its script cache starts empty. Started with {@code /usr/bin/redis-server}; the test
 * fails if that is missing.
 */
final class TestingRedisServer implements AutoCloseable {
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path directory;
    private final Path log;
    private Process process;

    TestingRedisServer(Path directory) throws IOException {
        if (!Files.isExecutable(REDIS_SERVER)) {
            throw new AssertionError(REDIS_SERVER + " is missing; install redis-server");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.directory = directory;
        this.log = directory.resolve("redis-" + port + ".log");
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = new ProcessBuilder(List.of(REDIS_SERVER.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
                "--dir", directory.toAbsolutePath().toString(), "--dbfilename", "dump-" + port + ".rdb"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("redis-server exited at start; see " + log);
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen on port " + port + " within 10s; see " + log);
    }

    /** Saves and stops the server; connections are refused until {@link #start()}. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown(SaveMode.SAVE);
        }
        catch (JedisException e) {
            // The server closes the connection as it goes; the wait below tells whether it went.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
