package io.sluice.api.state;

import static java.util.Objects.requireNonNull;

/** How a {@link StateStore} keeps state: inside the engine, or in an external system. */
public sealed interface StateStorage {
    /** State kept by the engine (Spark's {@code mapWithState}) and saved with its checkpoints. */
    record Engine() implements StateStorage {
    }

    /**
     * State kept outside the engine and read and written per partition.
     *
     * @param accessors the serializable factory executors open accessors with
     */
    record External(StateAccessorFactory accessors) implements StateStorage {
        public External {
            requireNonNull(accessors, "accessors is null");
        }
    }
}
