package io.sluice.api.delivery;

/** What a source can do after a failure. */
public enum SourceDelivery {
    /** Can re-read any batch since the last committed positions (Kafka, files). */
    REPLAYABLE,
    /** Acknowledges data only once stored, so nothing is lost, but may deliver some twice (a reliable receiver). */
    AT_LEAST_ONCE,
    /** Data in flight at a crash is lost (a socket, an unacknowledged push). */
    AT_MOST_ONCE
}
