package io.sluice.api.state;

import static java.util.Objects.requireNonNull;

import io.sluice.api.record.Record;

/**
 * A key's state as stored: the state record and the batch time (epoch millis) of the update that
 * wrote it.
 */
public record StoredState(Record state, long batchTime) {
    public StoredState {
        requireNonNull(state, "state is null");
    }
}
