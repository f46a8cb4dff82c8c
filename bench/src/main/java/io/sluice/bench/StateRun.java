package io.sluice.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.api.state.StoredState;
import io.sluice.bench.job.ChildReport;
import io.sluice.bench.job.JobSpec;
import io.sluice.redis.RedisStateCodec;

/**
 * State mode: {@code bin/sluice run} ({@link SluiceProcess}) of a pipeline whose {@code stateful}
 * transform keeps a running count for each of K keys, over B batches that each update every key
 * once, once per state store. The source is a topic of K x B lines {@code key-<i mod K>} read at
 * K / partitions lines per partition and 1 s batch, so batch b is exactly lines [b K, (b + 1) K):
 * every key once. The line is the key itself, with no parse step: besides the state store, a
 * batch only reads K small records and runs Spark's per-batch jobs, the same for both stores.
 *
 * <p>The check, which voids the run when it fails: every batch read K lines; the sink's one row
 * per batch says the batch updated K keys whose running counts are all b (batch b, from 1); for
 * the redis store, Redis holds exactly the K keys, each with count B.
 */
final class StateRun {
    /** The redis store's key prefix: its keys are deleted before and after a run, and read back. */
    static final String KEY_PREFIX = "sluice-bench";
    private static final String PIPELINE = "bench-state";
    private static final String TRANSFORM = "counts";
    private static final String KEY_FIELD_PREFIX = "key-";
    private static final int MAX_PROBLEMS = 5;
    /**
     * How long the harness waits for a stopped run to exit before killing it. The last batch's
     * outputs are written by then; but batches are generated every second while each takes far
     * longer, and a graceful stop works through that backlog (with the checkpoint store, a state
     * checkpoint every tenth batch), which took minutes with 1 000 000 keys.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    /** The state stores compared. */
    enum Store {
        CHECKPOINT,
        REDIS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One store's run.
     *
     * @param batches the batches that read lines, in order; {@code records} is the keys the batch updated (checked)
     * @param problems what the check found wrong; empty when the run is valid
     */
    record Result(String store, long keys, List<ChildReport.Batch> batches, long peakRssKb, int exitCode, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }

        /** The batches after the first, which loads classes, compiles and (for Redis) opens connections. */
        List<ChildReport.Batch> steadyBatches() {
            return batches.size() < 2 ? List.of() : batches.subList(1, batches.size());
        }

        /** Per steady batch: keys updated per second of its processing time. */
        List<Double> steadyUpdatesPerSecond() {
            return steadyBatches().stream().map(batch -> batch.records() * 1000.0 / Math.max(1, batch.processingMillis())).toList();
        }

        /** Over all steady batches: keys updated per second of processing time, so a slow batch (a checkpoint) counts in full. */
        double meanUpdatesPerSecond() {
            long updates = steadyBatches().stream().mapToLong(ChildReport.Batch::records).sum();
            long millis = steadyBatches().stream().mapToLong(ChildReport.Batch::processingMillis).sum();
            return millis == 0 ? 0 : updates * 1000.0 / millis;
        }
    }

    private final BenchSettings settings;
    private final String bootstrapServers;
    private final BenchRedis redis;

    StateRun(BenchSettings settings, String bootstrapServers, BenchRedis redis) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.redis = redis;
    }

    /** The topic of K keys over B batches; named by both, since its lines are a function of them alone. */
    static String topic(long keys, int batches) {
        return "bench-state-keys-" + keys + "x" + batches;
    }

    /** Line {@code index} of the state topic: the key it updates. */
    static String line(long index, long keys) {
        return KEY_FIELD_PREFIX + index % keys;
    }

    /** Makes sure the state topic exists and holds its K x B lines; returns whether it was filled now. */
    boolean ensureTopic() {
        long keys = settings.stateKeys();
        return TopicLoader.ensureFilled(bootstrapServers, topic(keys, settings.stateBatches()), settings.partitions(),
                keys * settings.stateBatches(), index -> line(index, keys));
    }

    /**
     * Runs the pipeline with {@code store}; {@code groupId} names its consumer group, {@code work}
     * is an empty directory of its own.
     */
    Result run(Store store, String groupId, Path work, Path log) throws InterruptedException {
        long keys = settings.stateKeys();
        long lines = keys * settings.stateBatches();
        if (store == Store.REDIS) {
            redis.delete(KEY_PREFIX + ":");
        }
        try {
            Path pipeline = SluiceProcess.writePipeline(work, pipelineText(store, groupId, work));
            SluiceProcess.Outcome outcome = SluiceProcess.run(settings.sluiceHome(), settings.stateHeap(), settings.jvmOptions(), pipeline, log,
                    batches -> batches.stream().mapToLong(ChildReport.Batch::records).sum() >= lines, STOP_TIMEOUT);
            List<String> problems = new ArrayList<>();
            if (outcome.exitedEarly()) {
                problems.add("bin/sluice exited with status " + outcome.exitCode() + " before its last batch; see " + log);
            }
            checkBatches(outcome.batches(), problems);
            checkSummaries(SluiceProcess.rowsWritten(summaryDirectory(work)), problems);
            if (store == Store.REDIS) {
                checkRedis(problems);
            }
            return new Result(store.id(), keys, outcome.batches(), outcome.peakRssKb(), outcome.exitCode(), List.copyOf(problems));
        }
        finally {
            if (store == Store.REDIS) {
                redis.delete(KEY_PREFIX + ":");
            }
        }
    }

    private String pipelineText(Store store, String groupId, Path work) {
        long keys = settings.stateKeys();
        String state = switch (store) {
            case CHECKPOINT -> "state { type = checkpoint }";
            // A reply stalled by a loaded machine would fail the batch at the default 2 s and measure its retry.
            case REDIS -> "state { type = redis, uri = \"%s\", key-prefix = %s, timeout = 10s }".formatted(redis.uri(), KEY_PREFIX);
        };
        return """
                # State mode: a running count for each of %,d keys; every batch updates each key once.
                pipeline {
                  name = %s
                  batch-interval = %dms
                  checkpoint = "file:%s"
                }
                sources = [
                  # Lines "key-<i mod K>", K / partitions per partition and batch: batch b is lines [b K, (b + 1) K).
                  { type = kafka, name = keys, bootstrap-servers = "%s", topics = [%s], group-id = %s,
                    starting-offsets = earliest, max-rate-per-partition = %d }
                ]
                transforms = [
                  # The line is the key (field value): no parse step, so little besides the state store's work.
                  { type = stateful, name = %s, key = [value], aggregates = [count] }
                  # One row per batch, for the check: how many keys it updated and the range of their running counts.
                  { type = aggregate, name = summary, input = %s, key = [updated_at],
                    aggregates = ["count as keys", "min(count) as min_count", "max(count) as max_count"] }
                ]
                %s
                sinks = [
                  { type = file, input = summary, path = "file:%s" }
                ]
                """.formatted(keys, PIPELINE, JobSpec.BATCH_INTERVAL_MILLIS, work.resolve("checkpoint"), bootstrapServers,
                topic(keys, settings.stateBatches()), groupId, keys / settings.partitions(), TRANSFORM, TRANSFORM, state,
                summaryDirectory(work));
    }

    private static Path summaryDirectory(Path work) {
        return work.resolve("summary");
    }

    /** Every batch read K lines, and there were B of them. */
    private void checkBatches(List<ChildReport.Batch> batches, List<String> problems) {
        if (batches.size() != settings.stateBatches()) {
            problems.add(batches.size() + " batches read lines, expected " + settings.stateBatches());
        }
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).records() != settings.stateKeys()) {
                problems.add("batch " + (i + 1) + " read " + batches.get(i).records() + " lines, expected " + settings.stateKeys());
            }
        }
    }

    /** Batch b (from 1) updated K keys, each to a running count of b: what the sink wrote, one row per batch. */
    private void checkSummaries(List<JsonNode> rows, List<String> problems) {
        List<JsonNode> byBatch = rows.stream().sorted(Comparator.comparing(row -> Instant.parse(row.get("updated_at").asText()))).toList();
        if (byBatch.size() != settings.stateBatches()) {
            problems.add("the sink wrote " + byBatch.size() + " batch summaries, expected " + settings.stateBatches());
        }
        for (int i = 0; i < byBatch.size(); i++) {
            JsonNode row = byBatch.get(i);
            long keys = row.get("keys").asLong();
            long min = row.get("min_count").asLong();
            long max = row.get("max_count").asLong();
            if (keys != settings.stateKeys() || min != i + 1 || max != i + 1) {
                problems.add("batch " + (i + 1) + " updated " + keys + " keys to counts " + min + ".." + max + ", expected "
                        + settings.stateKeys() + " keys to " + (i + 1));
            }
        }
    }

    /** Redis holds the K keys, no others under the prefix, each with the running count B. */
    private void checkRedis(List<String> problems) {
        long keys = settings.stateKeys();
        // <key-prefix>:<pipeline>.<transform>:<key>, the key encoded as "s" + its string value.
        String expectedPrefix = KEY_PREFIX + ":" + PIPELINE + "." + TRANSFORM + ":s" + KEY_FIELD_PREFIX;
        BitSet seen = new BitSet(Math.toIntExact(keys));
        long[] wrong = new long[1];
        redis.forEach(KEY_PREFIX + ":", (key, value) -> {
            String problem = checkKey(key, value, expectedPrefix, seen);
            if (problem != null && wrong[0]++ < MAX_PROBLEMS) {
                problems.add("Redis " + problem);
            }
        });
        if (wrong[0] > MAX_PROBLEMS) {
            problems.add("Redis: " + (wrong[0] - MAX_PROBLEMS) + " more wrong keys");
        }
        if (seen.cardinality() != keys) {
            problems.add("Redis holds " + seen.cardinality() + " of the " + keys + " keys");
        }
    }

    private String checkKey(String key, byte[] value, String expectedPrefix, BitSet seen) {
        long index;
        try {
            index = key.startsWith(expectedPrefix) ? Long.parseLong(key.substring(expectedPrefix.length())) : -1;
        }
        catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= settings.stateKeys()) {
            return "key [" + key + "] is none of the state keys";
        }
        seen.set((int) index);
        Optional<StoredState> stored = RedisStateCodec.decode(value);
        // The stateful transform's state record: "rows" is how many records were merged into the key.
        Long count = stored.map(state -> state.state().getLong("rows")).orElse(null);
        if (count == null || count != settings.stateBatches()) {
            return "key [" + key + "] holds count " + count + ", expected " + settings.stateBatches();
        }
        return null;
    }
}
