package io.sluice.api.option;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations the way pipeline files write them: {@code 500ms}, {@code 5s}, {@code 1m}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

    private Durations() {}

    /**
     * Parses a duration: a number followed by one of {@code ns, us, ms, s, m, h, d} (long forms
     * such as {@code seconds} and {@code minutes} also accepted). A bare number means milliseconds.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a duration such as [5s], [500ms] or [10m], got [" + text + "]");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        double nanosPerUnit = switch (unit) {
            case "ns", "nanos", "nanosecond", "nanoseconds" -> 1;
            case "us", "micros", "microsecond", "microseconds" -> 1e3;
            case "", "ms", "millis", "millisecond", "milliseconds" -> 1e6;
            case "s", "sec", "secs", "second", "seconds" -> 1e9;
            case "m", "min", "mins", "minute", "minutes" -> 60e9;
            case "h", "hour", "hours" -> 3600e9;
            case "d", "day", "days" -> 86400e9;
            default -> throw new IllegalArgumentException(
                    "unknown duration unit [" + unit + "] in [" + text.trim() + "]; use ns, us, ms, s, m, h or d");
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** Prints a duration in the largest unit that keeps it whole: {@code 30s}, {@code 5m}, {@code 250ms}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        long[] sizes = {86400_000_000_000L, 3600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) {
                return nanos / sizes[i] + units[i];
            }
        }
        return nanos + "ns";
    }
}
