package io.sluice.testkit.contract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;
import io.sluice.testkit.Serialization;
import io.sluice.testkit.TestingPluginContext;
import io.sluice.testkit.TestingWriterContext;

/**
 * The contract every sink keeps, whatever its target: a connector's test subclasses this and
 * supplies the factory, options pointing at a fresh target, and a way to read the target back.
 *
 * <p>The suite drives the sink through the API exactly as the runtime's {@code SinkWriterJob}
 * does, without Spark: it creates the sink from parsed options and a {@link TestingPluginContext},
 * calls {@link Sink#prepare()}, ships {@link Sink#writerFactory()} through Java serialization, and
 * for each partition creates a writer with a {@link TestingWriterContext} (a new attempt id per
 * attempt), writes, commits (or aborts), closes; then hands the non-null commit messages to
 * {@link Sink#commitBatch} on the "driver", one per partition as Spark's {@code collect} returns them.
 *
 * <p>What it checks, by the sink's {@link Sink#delivery()}: a replayed batch, a partition aborted
 * half way and rewritten, and two speculative attempts of one partition leave exactly one copy of
 * each record for {@code IDEMPOTENT} and {@code TRANSACTIONAL} sinks, and at least one for
 * {@code APPEND} sinks, as does a batch replayed because the driver died before
 * {@code commitBatch}; an empty batch commits cleanly; a repeated {@code commitBatch} changes
 * nothing; a later batch leaves an earlier one as it was; and a secret option's value never shows
 * in the shipped writer factory's bytes, in {@code describe()} or in {@code toString()}.
 *
 * <p>Records carry a unique string field {@value #ID_FIELD} (also their key), a long {@code n}
 * and a timestamp {@code at}; ids start with {@code b<batchTime>-}. The read-back hook reports the
 * ids it finds.
 *
 * <p>JUnit creates one instance of the subclass per test method, so a subclass may keep the
 * current target (a directory, key prefix, topic) in fields set up by {@link #options()}.
 */
public abstract class SinkContractTest {
    /** The field holding each record's unique id; sinks that need a key template can use {@code ${id}}. */
    public static final String ID_FIELD = "id";

    private static final long FIRST_BATCH = Instant.parse("2026-11-30T07:00:05Z").toEpochMilli();
    private static final int RECORDS_PER_PARTITION = 3;

    private final AtomicLong attempts = new AtomicLong(100);
    private final List<Sink> created = new ArrayList<>();

    /** The factory under test; called by the suite each time it creates a sink. */
    protected abstract SinkFactory factory();

    /**
     * Raw options (as from the pipeline file) for a sink writing to a fresh, empty target that only
     * this test method uses. Called before anything is written, and again when a test restarts the
     * pipeline (creates the sink anew): within one test method it must name the same target.
     */
    protected abstract Map<String, Object> options() throws Exception;

    /**
     * The {@value #ID_FIELD} of every record visible in the target for the batch at
     * {@code batchTime} (epoch millis) now, one entry per copy, in any order. Called by the suite
     * after {@link Sink#commitBatch}. Sinks whose target does not separate batches may return
     * everything in the test's target: where a test writes two batches, the suite keeps each
     * batch's own ids (they start with {@code b<batchTime>-}).
     */
    protected abstract List<String> visibleIds(long batchTime) throws Exception;

    /**
     * Options like {@link #options()} but with a secret option (password, token) set to
     * {@code secret}, or empty when the sink takes no secret. The sink is created but never
     * written to, so the secret need not be valid.
     */
    protected Optional<Map<String, Object>> optionsWithSecret(String secret) throws Exception {
        return Optional.empty();
    }

    /**
     * The record with the given id; override to add fields the sink's options require. Must
     * keep field {@value #ID_FIELD}.
     */
    protected Record record(String id, int partition) {
        return Record.builder().key(id).field(ID_FIELD, id).field("n", (long) partition)
                .field("at", Instant.parse("2026-11-30T07:00:00Z")).build();
    }

    @AfterEach
    final void closeSinks() {
        created.forEach(Sink::close);
    }

    @Test
    void aReplayedBatchLeavesOneCopyUnlessTheSinkAppends() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> batch = batch(sink, FIRST_BATCH);

        writeBatch(sink, FIRST_BATCH, batch);
        writeBatch(sink, FIRST_BATCH, batch);

        assertCopies(sink, FIRST_BATCH, ids(batch), 2);
    }

    @Test
    void aBatchWhoseCommitNeverRanIsRewrittenOnce() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> batch = batch(sink, FIRST_BATCH);
        // Every writer committed, then the driver died before commitBatch; the restart replays the batch.
        writePartitions(ship(sink), FIRST_BATCH, batch);

        writeBatch(sink(), FIRST_BATCH, batch);

        assertCopies(sink, FIRST_BATCH, ids(batch), 2);
    }

    @Test
    void aLaterBatchLeavesAnEarlierOneAsItWas() throws Exception {
        Sink sink = sink();
        long secondBatch = FIRST_BATCH + 1000;
        Map<Integer, List<Record>> first = batch(sink, FIRST_BATCH);
        Map<Integer, List<Record>> second = batch(sink, secondBatch);

        writeBatch(sink, FIRST_BATCH, first);
        writeBatch(sink, secondBatch, second);

        // Sinks whose target does not separate batches report both batches' ids: keep each batch's own.
        assertThat(visibleIds(FIRST_BATCH).stream().filter(id -> id.startsWith(batchPrefix(FIRST_BATCH))).toList())
                .as("records of the first batch after the second").containsExactlyInAnyOrderElementsOf(ids(first));
        assertThat(visibleIds(secondBatch).stream().filter(id -> id.startsWith(batchPrefix(secondBatch))).toList())
                .as("records of the second batch").containsExactlyInAnyOrderElementsOf(ids(second));
    }

    @Test
    void aPartitionAbortedHalfWayLeavesNothingOnceTheBatchIsRewritten() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> batch = batch(sink, FIRST_BATCH);
        PartitionWriterFactory writers = ship(sink);

        List<Serializable> messages = new ArrayList<>();
        for (Map.Entry<Integer, List<Record>> partition : batch.entrySet()) {
            List<Record> records = partition.getValue();
            // An attempt that fails before its first record (opening the target, say) is aborted too.
            PartitionWriter early = writers.create(context(FIRST_BATCH, partition.getKey()));
            try {
                early.abort();
            }
            finally {
                early.close();
            }
            // The next attempt fails after writing some records: the runtime aborts and closes it.
            PartitionWriter failed = writers.create(context(FIRST_BATCH, partition.getKey()));
            try {
                for (Record record : records.subList(0, records.size() - 1)) {
                    failed.write(record);
                }
                failed.abort();
            }
            finally {
                failed.close();
            }
            // The retry writes the whole partition again.
            addIfNotNull(messages, writePartition(writers, FIRST_BATCH, partition.getKey(), records));
        }
        sink.commitBatch(FIRST_BATCH, messages);

        assertCopies(sink, FIRST_BATCH, ids(batch), 2);
    }

    @Test
    void twoSpeculativeAttemptsOfAPartitionLeaveOneCopyUnlessTheSinkAppends() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> batch = batch(sink, FIRST_BATCH);
        PartitionWriterFactory writers = ship(sink);

        List<Serializable> messages = new ArrayList<>();
        for (Map.Entry<Integer, List<Record>> partition : batch.entrySet()) {
            // Two attempts of the same partition interleave; both commit; the driver hears of one.
            PartitionWriter first = writers.create(context(FIRST_BATCH, partition.getKey()));
            PartitionWriter second = writers.create(context(FIRST_BATCH, partition.getKey()));
            try {
                for (Record record : partition.getValue()) {
                    first.write(record);
                    second.write(record);
                }
                Serializable firstMessage = first.commit();
                Serializable secondMessage = second.commit();
                // Even partitions report the attempt that committed first, odd ones the other.
                addIfNotNull(messages, partition.getKey() % 2 == 0 ? firstMessage : secondMessage);
            }
            finally {
                first.close();
                second.close();
            }
        }
        sink.commitBatch(FIRST_BATCH, messages);

        assertCopies(sink, FIRST_BATCH, ids(batch), 2);
    }

    @Test
    void anEmptyBatchCommitsAndShowsNothing() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> empty = new HashMap<>();
        for (int partition = 0; partition < partitions(sink); partition++) {
            empty.put(partition, List.of());
        }

        writeBatch(sink, FIRST_BATCH, empty);

        assertThat(visibleIds(FIRST_BATCH)).as("records visible after an empty batch").isEmpty();
    }

    @Test
    void aRepeatedCommitBatchChangesNothing() throws Exception {
        Sink sink = sink();
        Map<Integer, List<Record>> batch = batch(sink, FIRST_BATCH);
        List<Serializable> messages = writePartitions(ship(sink), FIRST_BATCH, batch);

        sink.commitBatch(FIRST_BATCH, messages);
        List<String> once = visibleIds(FIRST_BATCH);
        sink.commitBatch(FIRST_BATCH, messages);

        assertThat(visibleIds(FIRST_BATCH)).as("records visible after commitBatch ran twice").containsExactlyInAnyOrderElementsOf(once);
        assertCopies(sink, FIRST_BATCH, ids(batch), 1);
    }

    @Test
    void aSecretOptionNeverShowsInTheShippedFactoryOrTheDescription() throws Exception {
        String secret = "contract-secret-" + Long.toHexString(System.nanoTime());
        Optional<Map<String, Object>> withSecret = optionsWithSecret(secret);
        if (withSecret.isEmpty()) {
            // No options with a secret to try: then the plugin must declare none, or the hook was forgotten.
            assertThat(factory().options().secretKeys())
                    .as("secret options of a sink whose test gives no optionsWithSecret(...)").isEmpty();
            return;
        }
        Sink sink = sink(withSecret.get());

        byte[] shipped = Serialization.serialize(sink.writerFactory());

        assertThat(new String(shipped, ISO_8859_1)).as("serialized writer factory").doesNotContain(secret);
        assertThat(sink.describe()).as("describe()").doesNotContain(secret);
        assertThat(String.valueOf(sink)).as("toString()").doesNotContain(secret);
        assertThat(String.valueOf(sink.writerFactory())).as("writer factory's toString()").doesNotContain(secret);
    }

    /** A new sink from {@link #options()}, prepared, closed after the test. */
    protected final Sink sink() throws Exception {
        return sink(options());
    }

    private Sink sink(Map<String, Object> raw) throws IOException {
        SinkFactory factory = factory();
        Sink sink = factory.create(factory.options().parse(raw), TestingPluginContext.of("sinks[0]"));
        created.add(sink);
        sink.prepare();
        return sink;
    }

    /** Writes every partition once, as one successful attempt each, then commits the batch. */
    private void writeBatch(Sink sink, long batchTime, Map<Integer, List<Record>> batch) throws IOException {
        sink.commitBatch(batchTime, writePartitions(ship(sink), batchTime, batch));
    }

    /** Writes every partition once, as one successful attempt each; returns the non-null commit messages. */
    private List<Serializable> writePartitions(PartitionWriterFactory writers, long batchTime, Map<Integer, List<Record>> batch)
            throws IOException {
        List<Serializable> messages = new ArrayList<>();
        for (Map.Entry<Integer, List<Record>> partition : batch.entrySet()) {
            addIfNotNull(messages, writePartition(writers, batchTime, partition.getKey(), partition.getValue()));
        }
        return messages;
    }

    /** One attempt of one partition, as the runtime runs it: write*, commit (abort on failure), close. */
    private Serializable writePartition(PartitionWriterFactory writers, long batchTime, int partition, List<Record> records)
            throws IOException {
        PartitionWriter writer = writers.create(context(batchTime, partition));
        try {
            for (Record record : records) {
                writer.write(record);
            }
            return writer.commit();
        }
        catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        finally {
            writer.close();
        }
    }

    /** The writer factory as an executor sees it: serialized and read back, as Spark ships it. */
    private static PartitionWriterFactory ship(Sink sink) {
        return Serialization.roundTrip(sink.writerFactory());
    }

    private TestingWriterContext context(long batchTime, int partition) {
        return TestingWriterContext.of(batchTime, partition, attempts.incrementAndGet());
    }

    private static int partitions(Sink sink) {
        return sink.requiresSinglePartition() ? 1 : 2;
    }

    private Map<Integer, List<Record>> batch(Sink sink, long batchTime) {
        Map<Integer, List<Record>> batch = new LinkedHashMap<>();
        for (int partition = 0; partition < partitions(sink); partition++) {
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                records.add(record(batchPrefix(batchTime) + "p" + partition + "-r" + i, partition));
            }
            batch.put(partition, List.copyOf(records));
        }
        return batch;
    }

    private static String batchPrefix(long batchTime) {
        return "b" + batchTime + "-";
    }

    private static List<String> ids(Map<Integer, List<Record>> batch) {
        List<String> ids = new ArrayList<>();
        batch.values().forEach(records -> records.forEach(record -> ids.add(record.getString(ID_FIELD))));
        return ids;
    }

    /**
     * Exactly one copy of each id for idempotent and transactional sinks; for append sinks every id
     * at least once and at most {@code maxAppendCopies} times.
     */
    private void assertCopies(Sink sink, long batchTime, Collection<String> expected, int maxAppendCopies) throws Exception {
        List<String> visible = visibleIds(batchTime);
        SinkDelivery delivery = sink.delivery();
        switch (delivery) {
            case IDEMPOTENT, TRANSACTIONAL -> assertThat(visible)
                    .as("records visible in a sink with delivery %s (one copy each)", delivery)
                    .containsExactlyInAnyOrderElementsOf(expected);
            case APPEND -> {
                assertThat(visible).as("records visible in an APPEND sink (every one, at least once)")
                        .containsAll(expected).isSubsetOf(expected);
                for (String id : expected) {
                    assertThat(visible.stream().filter(id::equals).count()).as("copies of [%s] in an APPEND sink", id)
                            .isBetween(1L, (long) maxAppendCopies);
                }
            }
        }
    }

    private static void addIfNotNull(List<Serializable> messages, Serializable message) {
        if (message != null) {
            messages.add(message);
        }
    }
}
