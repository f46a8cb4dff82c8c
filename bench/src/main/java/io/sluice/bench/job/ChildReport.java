package io.sluice.bench.job;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a variant's JVM reports on its standard output, one line each, for the harness to read:
 * {@value #STARTED} when it starts processing (a Spark job's streaming context, Kafka Streams, a
 * consumer loop's threads), {@value #FIRST_BATCH} as soon as its first batch (or first 1 s slice)
 * completes, and at the end {@value #PREFIX} with this report as JSON.
 *
 * @param records lines counted
 * @param levels lines counted per level
 * @param batches every batch (or slice) that had lines: how many, and how long processing took
 */
public record ChildReport(long records, Map<String, Long> levels, List<Batch> batches) {
    public static final String PREFIX = "BENCH-REPORT ";
    public static final String FIRST_BATCH = "BENCH-FIRST-BATCH";
    public static final String STARTED = "BENCH-STARTED";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One batch, or for a continuous consumer one slice of {@code rate} lines. */
    public record Batch(long records, long processingMillis) {
    }

    public void print() {
        try {
            System.out.println(PREFIX + JSON.writeValueAsString(this));
            System.out.flush();
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void printStarted() {
        System.out.println(STARTED);
        System.out.flush();
    }

    public static void printFirstBatch() {
        System.out.println(FIRST_BATCH);
        System.out.flush();
    }

    public static Optional<ChildReport> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(PREFIX.length()), ChildReport.class));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
