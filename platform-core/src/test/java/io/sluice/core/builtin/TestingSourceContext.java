package io.sluice.core.builtin;

import java.util.Optional;

import org.apache.spark.streaming.api.java.JavaStreamingContext;

import io.sluice.api.source.Positions;
import io.sluice.api.source.SourceContext;

/** A {@link SourceContext} as the runtime would hand it, with the stored positions a test chooses. */
@SuppressWarnings("deprecation")
public record TestingSourceContext(JavaStreamingContext streamingContext, String sourceName, Optional<Positions> storedPositions)
        implements SourceContext {
    public static TestingSourceContext fresh(JavaStreamingContext streamingContext, String sourceName) {
        return new TestingSourceContext(streamingContext, sourceName, Optional.empty());
    }
}
