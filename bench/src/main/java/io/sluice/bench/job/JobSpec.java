package io.sluice.bench.job;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one variant run is asked to do, passed to its JVM as one JSON argument.
 *
 * @param expectedRecords catch-up: stop after counting this many lines (the whole topic)
 * @param ratePerSecond sustained: lines offered per second (per 1 s batch); 0 in catch-up mode
 * @param batches sustained: how many full batches to run before stopping
 * @param warmUpBatches sustained: how many of them are warm-up, not judged (the harness's business; the job ignores it)
 * @param workDir an empty directory of this run's own (checkpoints, state)
 */
public record JobSpec(String bootstrapServers, String topic, int partitions, String groupId, long expectedRecords,
        long ratePerSecond, int batches, int warmUpBatches, String workDir) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final long BATCH_INTERVAL_MILLIS = 1000;

    public boolean catchUp() {
        return ratePerSecond == 0;
    }

    public Path work() {
        return Path.of(workDir);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JobSpec fromJson(String json) {
        try {
            return JSON.readValue(json, JobSpec.class);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
