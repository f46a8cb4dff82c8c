package io.sluice.core.builtin.socket;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code socket} source: where to connect. Immutable and serializable,
 * since the receiver carries it to an executor.
 *
 * @param host the server's host name or address
 * @param port the server's TCP port
 */
public record SocketOptions(String host, int port) implements Serializable {
    static final OptionSpec<String> HOST = OptionSpec.string("host").required()
            .doc("Host name or address of the TCP server sending lines");
    static final OptionSpec<Integer> PORT = OptionSpec.integer("port").required().atLeast(1).atMost(65535)
            .doc("TCP port of the server");

    static final OptionSpecs SPECS = OptionSpecs.of(HOST, PORT);

    public SocketOptions {
        requireNonNull(host, "host is null");
    }

    /**
     * Reads the options.
     *
     * @throws SluiceException (user) if the host is blank
     */
    public static SocketOptions parse(Options options) {
        String host = options.get(HOST).trim();
        if (host.isEmpty()) {
            throw SluiceException.user("option [host] must not be empty");
        }
        return new SocketOptions(host, options.get(PORT));
    }

    /** {@code host:port}, the partition name in record origins. */
    public String address() {
        return host + ":" + port;
    }
}
