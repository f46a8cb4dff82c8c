package io.sluice.bench;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seed scenario's log lines, {@code timestamp,host,level,message}, about 100 bytes each and
 * fully determined by their index: the same N gives the same topic, so every run counts the same
 * levels. Levels are skewed like real logs (INFO most, ERROR least).
 */
public final class LogLines {
    /** Every level a line can have, in the order counts are reported. */
    public static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR");

    private static final long START_MILLIS = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
    private static final String[] PATHS = {"/api/orders", "/api/users", "/api/cart", "/static/app.js", "/health", "/api/search"};
    // No comma in any message: lines are plain four-field CSV, as in the seed.
    private static final String[] MESSAGES = {
        "request served", "cache miss; fetched from origin", "slow query on replica", "retrying upstream call",
        "connection reset by peer", "user session refreshed"};

    private LogLines() {
    }

    /** The line at {@code index} (0-based). */
    public static String line(long index) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 42);
        int roll = random.nextInt(100);
        String level = roll < 10 ? "DEBUG" : roll < 75 ? "INFO" : roll < 92 ? "WARN" : "ERROR";
        StringBuilder line = new StringBuilder(112);
        line.append(Instant.ofEpochMilli(START_MILLIS + index)).append(',')
                .append("web-").append(random.nextInt(32)).append(',')
                .append(level).append(',')
                .append(MESSAGES[random.nextInt(MESSAGES.length)]).append(": GET ")
                .append(PATHS[random.nextInt(PATHS.length)]).append('/').append(random.nextInt(1_000_000))
                .append(" took ").append(random.nextInt(2000)).append("ms");
        return line.toString();
    }

    /** The level field of a line: what every hand-written variant extracts, the way a user would. */
    public static String levelOf(String line) {
        return line.split(",", 4)[2];
    }
}
