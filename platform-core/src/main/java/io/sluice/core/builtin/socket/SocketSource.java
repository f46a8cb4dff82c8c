package io.sluice.core.builtin.socket;

import static java.util.Objects.requireNonNull;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.record.Record;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceContext;

/** A {@code socket} source on the driver: opens a receiver stream; has no positions to resume from. */
public final class SocketSource implements Source {
    private final SocketOptions options;

    SocketSource(SocketOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public JavaDStream<Record> open(SourceContext context) {
        requireNonNull(context, "context is null");
        return context.streamingContext().receiverStream(new SocketReceiver(options, context.sourceName()));
    }

    @Override
    public SourceDelivery delivery() {
        return SourceDelivery.AT_MOST_ONCE;
    }

    @Override
    public String toString() {
        return "SocketSource{" + options.address() + "}";
    }
}
