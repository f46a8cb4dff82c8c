package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code sluice run} runs a pipeline.
 *
 * @param master overrides {@code pipeline.master}
 * @param duration stop gracefully after this long; run until stopped when empty
 * @param out where the banner goes
 * @param liveStatus whether to redraw a status line on {@code out} (a terminal) instead of logging per batch
 */
public record RunOptions(Optional<String> master, Optional<Duration> duration, PrintStream out, boolean liveStatus) {
    public RunOptions {
        requireNonNull(master, "master is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(out, "out is null");
    }

    /** Defaults for tests and embedding: the file's master, no time limit, banner to stdout, logged status. */
    public static RunOptions defaults() {
        return new RunOptions(Optional.empty(), Optional.empty(), System.out, false);
    }

    public RunOptions withDuration(Duration value) {
        return new RunOptions(master, Optional.of(value), out, liveStatus);
    }
}
