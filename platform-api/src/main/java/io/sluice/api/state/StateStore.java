package io.sluice.api.state;

/** The pipeline's state store, on the driver. One per pipeline, shared by its stateful transforms. */
public interface StateStore {
    /** How and where this store keeps state. */
    StateStorage storage();

    /** A short phrase for the start-up banner, e.g. {@code redis at redis://host:6379/0}. */
    String describe();

    /** Releases driver-side resources when the pipeline stops. */
    default void close() {
    }
}
