package io.sluice.core.builtin.generator;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes synthetic log line number N as a pure function of the seed and N:
 * {@code 2026-11-30T07:00:00.123Z,web-3,ERROR,Connection refused to db-1}. Messages never contain
 * commas, so the line splits into exactly four CSV fields. Serializable and immutable; shipped to
 * executors inside the generator's partition function.
 */
final class GeneratorLines implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final long seed;
    private final int rate;
    private final long startMillis;
    private final String[] levels;
    private final int[] cumulativeWeights;
    private final int hosts;

    /**
     * @param startMillis epoch millis stamped on record 0; record N is stamped {@code N / rate} seconds later
     */
    GeneratorLines(long seed, int rate, long startMillis, List<String> levels, List<Integer> weights, int hosts) {
        requireNonNull(levels, "levels is null");
        requireNonNull(weights, "weights is null");
        if (levels.size() != weights.size() || levels.isEmpty()) {
            throw new IllegalArgumentException("levels and weights must be non-empty and of equal size");
        }
        this.seed = seed;
        this.rate = rate;
        this.startMillis = startMillis;
        this.levels = levels.toArray(String[]::new);
        this.cumulativeWeights = new int[weights.size()];
        int total = 0;
        for (int i = 0; i < weights.size(); i++) {
            total += weights.get(i);
            cumulativeWeights[i] = total;
        }
        this.hosts = hosts;
    }

    /** Epoch millis stamped on record {@code sequence}. */
    long timestampOf(long sequence) {
        // Split to keep sequence * 1000 from overflowing for very long runs.
        return startMillis + (sequence / rate) * 1000 + (sequence % rate) * 1000 / rate;
    }

    /** The line of record {@code sequence}. */
    String line(long sequence) {
        // A fresh generator per record, seeded from (seed, sequence), is what makes any record
        // computable on its own: no state carries from one record to the next.
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(sequence + 0x9E3779B97F4A7C15L)));
        String host = "web-" + (1 + random.nextInt(hosts));
        String level = pickLevel(random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]));
        return TIMESTAMP.format(Instant.ofEpochMilli(timestampOf(sequence))) + ',' + host + ',' + level + ','
                + message(level, random);
    }

    private String pickLevel(int draw) {
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return levels[i];
            }
        }
        throw new IllegalStateException("draw [" + draw + "] beyond total weight");
    }

    private static String message(String level, SplittableRandom random) {
        int variant = random.nextInt(3);
        int n = 1 + random.nextInt(4);
        return switch (level) {
            case "ERROR" -> switch (variant) {
                case 0 -> "Connection refused to db-" + n;
                case 1 -> "Timeout after " + (1000 * n * 5) + " ms calling api-" + n;
                default -> "Unhandled exception in worker-" + n;
            };
            case "WARN" -> switch (variant) {
                case 0 -> "Slow query on db-" + n + " took " + (200 * n + random.nextInt(100)) + " ms";
                case 1 -> "Retrying request to api-" + n;
                default -> "Heap usage at " + (70 + random.nextInt(25)) + " percent";
            };
            case "INFO" -> switch (variant) {
                case 0 -> "GET /orders/" + random.nextInt(100_000) + " 200";
                case 1 -> "User session started for user-" + random.nextInt(10_000);
                default -> "POST /checkout 201 in " + (10 + random.nextInt(300)) + " ms";
            };
            case "DEBUG" -> switch (variant) {
                case 0 -> "Cache hit for key item-" + random.nextInt(1_000);
                case 1 -> "Pool db-" + n + " has " + random.nextInt(20) + " idle connections";
                default -> "Scheduled job tick " + random.nextInt(1_000);
            };
            default -> "Event " + random.nextInt(1_000) + " on component-" + n;
        };
    }

    /** SplitMix64's finalizer: spreads nearby sequence numbers over the whole seed space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
