package io.sluice.api.source;

import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaStreamingContext;

/** What the runtime hands {@link Source#open}: the streaming context and where to start. Driver only. */
public interface SourceContext {
    /** The streaming context to create the stream on. */
    JavaStreamingContext streamingContext();

    /** The source's name in the pipeline; put it in every record's origin. */
    String sourceName();

    /**
     * The positions stored for this source after the last batch every sink wrote, read back from
     * a transactional sink or from the runtime's position store. Empty on a first run; the source
     * then starts from its own configuration (e.g. {@code starting-offsets}).
     */
    Optional<Positions> storedPositions();
}
