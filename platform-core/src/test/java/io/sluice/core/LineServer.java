package io.sluice.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on the loopback address for the {@code socket} source: it sends {@code text} to the
 * first client, then holds that connection open until closed, so the receiver's line numbers do
 * not restart.
 */
public final class LineServer implements AutoCloseable {
    private final ServerSocket server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private LineServer(ServerSocket server) {
        this.server = server;
    }

    public static LineServer serving(String text) throws IOException {
        LineServer lines = new LineServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Thread serving = new Thread(() -> lines.serve(text), "line-server");
        serving.setDaemon(true);
        serving.start();
        return lines;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(String text) {
        try (Socket client = server.accept()) {
            OutputStream out = client.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            closed.await(2, TimeUnit.MINUTES);
        }
        catch (IOException | InterruptedException e) {
            // A test using it fails on missing records.
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}
