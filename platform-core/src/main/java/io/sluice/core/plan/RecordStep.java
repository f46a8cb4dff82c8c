package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import io.sluice.api.transform.RecordFunction;

/**
 * One record function with the name of the pipeline step it came from, for messages.
 *
 * @param label e.g. {@code transforms[1] (parse)}
 */
public record RecordStep(String label, RecordFunction function) implements Serializable {
    public RecordStep {
        requireNonNull(label, "label is null");
        requireNonNull(function, "function is null");
    }
}
