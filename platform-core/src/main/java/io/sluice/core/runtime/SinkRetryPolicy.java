package io.sluice.core.runtime;

import java.io.Serializable;
import java.time.Duration;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.Options;

/**
 * How often the runtime tries a sink's batch again before failing the pipeline, and how long it
 * waits between tries (doubling each time, at most a minute). Every sink block accepts these keys.
 *
 * @param retries tries after the first
 * @param backoff the first wait
 */
public record SinkRetryPolicy(int retries, Duration backoff) implements Serializable {
    public static final OptionSpec<Integer> RETRIES = OptionSpec.integer("retries").defaultValue(3).atLeast(0)
            .doc("How many times the runtime retries a failed batch write before failing the pipeline (the batch is never skipped)");
    public static final OptionSpec<Duration> RETRY_BACKOFF = OptionSpec.duration("retry-backoff")
            .defaultValue(Duration.ofSeconds(1)).atLeast(0)
            .doc("Wait before the first retry; doubles with each retry, at most 1m");

    private static final long MAX_BACKOFF_MILLIS = 60_000;

    public static SinkRetryPolicy from(Options options) {
        return new SinkRetryPolicy(options.get(RETRIES), options.get(RETRY_BACKOFF));
    }

    /** Wait before retry number {@code retry} (1-based). */
    public long backoffMillis(int retry) {
        long wait = backoff.toMillis() << Math.min(retry - 1, 20);
        return Math.min(wait, MAX_BACKOFF_MILLIS);
    }
}
