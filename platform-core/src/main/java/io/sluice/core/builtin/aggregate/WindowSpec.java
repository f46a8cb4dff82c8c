package io.sluice.core.builtin.aggregate;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.Durations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.Options;

/**
 * A sliding window over batches: its length and slide, both multiples of the batch interval.
 * Shared by every windowed transform, so they take the same {@code window} and {@code slide} keys.
 *
 * @param length how much time each result covers
 * @param slide how often a result is produced
 */
public record WindowSpec(Duration length, Duration slide) implements Serializable {
    public static final OptionSpec<Duration> WINDOW = OptionSpec.duration("window")
            .doc("Window length, a multiple of the batch interval; without it, each batch is aggregated on its own");
    public static final OptionSpec<Duration> SLIDE = OptionSpec.duration("slide")
            .doc("How often a windowed result is produced, a multiple of the batch interval; default: the batch interval");

    /** The window the options describe, or empty when {@code window} is unset; checked against the batch interval. */
    public static Optional<WindowSpec> from(Options options, Duration batchInterval, String lengthKey) {
        Optional<Duration> length = options.find(WINDOW);
        if (length.isEmpty()) {
            if (options.isSet(SLIDE)) {
                throw SluiceException.user("option [slide] needs a [" + lengthKey + "]");
            }
            return Optional.empty();
        }
        return Optional.of(of(length.get(), options.find(SLIDE).orElse(batchInterval), batchInterval, lengthKey));
    }

    /** A window, checked against the batch interval. */
    public static WindowSpec of(Duration length, Duration slide, Duration batchInterval, String lengthKey) {
        checkMultiple(lengthKey, length, batchInterval);
        checkMultiple("slide", slide, batchInterval);
        if (slide.compareTo(length) > 0) {
            throw SluiceException.user("option [slide] [" + Durations.format(slide) + "] is longer than [" + lengthKey + "] ["
                    + Durations.format(length) + "]: records between windows would be skipped");
        }
        return new WindowSpec(length, slide);
    }

    private static void checkMultiple(String key, Duration value, Duration batchInterval) {
        if (value.isZero() || value.toMillis() % batchInterval.toMillis() != 0) {
            throw SluiceException.user("option [" + key + "] [" + Durations.format(value) + "] must be a multiple of the batch interval ["
                    + Durations.format(batchInterval) + "]");
        }
    }

    public org.apache.spark.streaming.Duration sparkLength() {
        return new org.apache.spark.streaming.Duration(length.toMillis());
    }

    public org.apache.spark.streaming.Duration sparkSlide() {
        return new org.apache.spark.streaming.Duration(slide.toMillis());
    }
}
