package io.sluice.core.builtin.socket;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;

/**
 * Reads UTF-8 lines from a TCP server, as Spark's own socket receiver does, but stores them as
 * records whose origin names the server ({@code host:port}) and the line number since this
 * connection was made (from 1). On a lost connection it asks Spark to restart it, which
 * reconnects after {@code spark.streaming.receiverRestartDelay} and numbers lines from 1 again.
 *
 * <p>Serialized to the executor that runs it; the socket lives only there, in a transient field.
 */
final class SocketReceiver extends Receiver<Record> {
    private static final long serialVersionUID = 1L;

    private final SocketOptions options;
    private final String sourceName;
    private transient volatile Socket socket;

    SocketReceiver(SocketOptions options, String sourceName) {
        // Serialized and replicated, as Spark's socketTextStream stores by default: a lost
        // executor then does not lose blocks already stored.
        super(StorageLevel.MEMORY_AND_DISK_SER_2());
        this.options = requireNonNull(options, "options is null");
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
    }

    @Override
    public void onStart() {
        Thread reader = new Thread(this::receive, "sluice-socket-" + options.address());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void onStop() {
        // Closing the socket unblocks the reading thread, which then sees isStopped().
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            }
            catch (IOException e) {
                // Closing on stop; nothing left to do with the failure.
            }
        }
    }

    private void receive() {
        String partition = options.address();
        try (Socket connected = new Socket(options.host(), options.port())) {
            socket = connected;
            BufferedReader reader = new BufferedReader(new InputStreamReader(connected.getInputStream(), StandardCharsets.UTF_8));
            long lineNumber = 0;
            String line;
            while (!isStopped() && (line = reader.readLine()) != null) {
                lineNumber++;
                store(Record.ofText(line, new Origin(sourceName, partition, lineNumber)));
            }
            if (!isStopped()) {
                restart("Server [" + partition + "] closed the connection; reconnecting");
            }
        }
        catch (ConnectException e) {
            if (!isStopped()) {
                restart("Cannot connect to [" + partition + "]; retrying", e);
            }
        }
        catch (IOException | RuntimeException e) {
            if (!isStopped()) {
                restart("Error reading from [" + partition + "]; reconnecting", e);
            }
        }
        finally {
            socket = null;
        }
    }
}
