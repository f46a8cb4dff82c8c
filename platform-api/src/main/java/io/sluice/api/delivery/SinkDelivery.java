package io.sluice.api.delivery;

/** What happens when a sink is given the same batch twice, as after a crash or retry. */
public enum SinkDelivery {
    /** The batch is written again: a replay duplicates output. */
    APPEND,
    /** Writing the same batch again leaves the same result (upserts by key, files replaced by batch time). */
    IDEMPOTENT,
    /** Stores the batch's source positions with its data in one transaction and skips batches already stored. */
    TRANSACTIONAL
}
