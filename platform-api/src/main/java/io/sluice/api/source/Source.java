package io.sluice.api.source;

import java.io.IOException;
import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.delivery.SourceDelivery;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;

/**
 * One source of a pipeline, on the driver. Lifecycle: created by its factory; when the pipeline is
 * planned (not when it is recovered from a Spark checkpoint, whose restored graph already holds
 * the stream) {@link #prepare} once, then {@link #open} once, on the same thread; {@link #close}
 * when the pipeline stops.
 *
 * <p>Everything the returned DStream's functions capture is serialized into Spark checkpoints and
 * shipped to executors: capture options and serializable helpers, never clients or connections.
 */
public interface Source {
    /**
     * Checks the external system before the stream is opened (brokers answer, topics exist) and
     * fails with a message saying what to fix when it does not. The runtime calls this while
     * Spark starts on another thread, so checks done here add nothing to start-up; {@link #open}
     * must still work when this was not called. Does nothing by default.
     *
     * @throws IOException when the external system cannot be checked
     * @since 0.2
     */
    default void prepare() throws IOException {
    }

    /**
     * Opens the source's stream on the given streaming context. Records should carry an
     * {@link io.sluice.api.record.Origin} naming this source, the partition and the position.
     */
    JavaDStream<Record> open(SourceContext context);

    /** What the source can do after a failure; with the sinks' delivery it decides the pipeline's guarantee. */
    SourceDelivery delivery();

    /**
     * The positions tracker of the stream opened last, if this source has positions (offsets,
     * sequence numbers). Called after {@link #open}.
     */
    default Optional<SourcePositions> positions() {
        return Optional.empty();
    }

    /**
     * A per-record step the runtime applies to this source's records before anything else, inside
     * the first fused pass, so that a record which cannot be decoded (bytes that are not valid UTF-8
     * or JSON) goes to the dead-letter path with its origin, per {@code errors.tolerance}, instead
     * of failing the batch. A source whose stream does the decoding itself could not hand such
     * records on. Called on the driver after {@link #open}; the function is serialized to executors
     * and must only touch records whose origin names this source, which is all it is given.
     *
     * @since 0.2
     */
    default Optional<RecordFunction> decoder() {
        return Optional.empty();
    }

    /** Releases driver-side resources. Called once, on the driver, when the pipeline stops. */
    default void close() {
    }
}
