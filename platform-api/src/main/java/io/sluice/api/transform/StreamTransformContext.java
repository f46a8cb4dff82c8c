package io.sluice.api.transform;

import java.time.Duration;

import org.apache.spark.streaming.api.java.JavaDStream;

import io.sluice.api.record.Record;
import io.sluice.api.state.StateStore;

/** What the planner hands {@link StreamTransform#apply}. Driver only. */
public interface StreamTransformContext {
    /** The transform's input: the previous step's output, or the stream named by its {@code input} key. */
    JavaDStream<Record> input();

    /**
     * A stream by name: a source's name or a named transform's output defined earlier in the file.
     *
     * @throws io.sluice.api.error.SluiceException (user error) naming the known streams if there is none
     */
    JavaDStream<Record> stream(String name);

    /** The pipeline's state store ({@code state { type = ... }}; the checkpoint store by default). */
    StateStore stateStore();

    /** The pipeline's batch interval; windows and slides must be multiples of it. */
    Duration batchInterval();

    /** The transform's name in the pipeline, for messages and state namespaces. */
    String name();
}
