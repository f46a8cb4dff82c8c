package io.sluice.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.api.record.Record;

/**
 * The batches fed to {@code memory} sources and received by {@code memory} sinks, by stream id.
 * Static because the test, the driver and the (embedded) executors meet only in the JVM; every
 * structure is thread-safe. Tests use distinct ids or call {@link #reset}.
 */
public final class MemoryStreams {
    private static final Map<String, Queue<List<Record>>> INPUTS = new ConcurrentHashMap<>();
    private static final Map<String, NavigableMap<Long, List<Record>>> OUTPUTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    private static final Map<String, Map<Long, List<Record>>> TAKEN = new ConcurrentHashMap<>();
    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    private MemoryStreams() {}

    /** Queues batches for a memory source: each batch interval takes the next one (empty batches once drained). */
    @SafeVarargs
    public static void feed(String stream, List<Record>... batches) {
        feed(stream, List.of(batches));
    }

    public static void feed(String stream, List<List<Record>> batches) {
        Queue<List<Record>> queue = INPUTS.computeIfAbsent(stream, id -> new ConcurrentLinkedQueue<>());
        batches.forEach(batch -> queue.add(List.copyOf(batch)));
    }

    /**
     * The batch of a stream for a batch time: the next queued one (or an empty one) the first
     * time, the same one again when the time is computed again, as after a recovery from a
     * checkpoint in the same JVM; so a kill-and-restart test replays batches as Kafka would.
     */
    static List<Record> poll(String stream, long batchTime) {
        return TAKEN.computeIfAbsent(stream, id -> new ConcurrentHashMap<>()).computeIfAbsent(batchTime, time -> {
            Queue<List<Record>> queue = INPUTS.get(stream);
            List<Record> batch = queue == null ? null : queue.poll();
            return batch == null ? List.of() : batch;
        });
    }

    /** Batches not yet taken by a source. */
    public static int pending(String stream) {
        Queue<List<Record>> queue = INPUTS.get(stream);
        return queue == null ? 0 : queue.size();
    }

    /** Stores a batch a memory sink received; a replayed batch replaces the earlier copy. */
    static void store(String stream, long batchTime, List<Record> records) {
        OUTPUTS.computeIfAbsent(stream, id -> new ConcurrentSkipListMap<>()).put(batchTime, List.copyOf(records));
    }

    /** What a memory sink received, by batch time, in batch order; empty batches included. */
    public static NavigableMap<Long, List<Record>> batches(String stream) {
        NavigableMap<Long, List<Record>> batches = OUTPUTS.get(stream);
        return batches == null ? new ConcurrentSkipListMap<>() : new ConcurrentSkipListMap<>(batches);
    }

    /** Every record a memory sink received, in batch order. */
    public static List<Record> records(String stream) {
        List<Record> all = new ArrayList<>();
        batches(stream).values().forEach(all::addAll);
        return all;
    }

    /** Makes the next {@code times} batch commits of a memory sink fail, to exercise retries. */
    public static void failNextCommits(String stream, int times) {
        FAILURES_LEFT.computeIfAbsent(stream, id -> new AtomicInteger()).set(times);
    }

    /** Whether this commit should fail; counts the failure down. */
    static boolean takeFailure(String stream) {
        AtomicInteger left = FAILURES_LEFT.get(stream);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * Makes every batch commit of a memory sink wait, on the driver, until {@link #releaseCommits}:
     * a sink call that does not return, to exercise stop timeouts.
     */
    public static void holdCommits(String stream) {
        HOLDS.put(stream, new Hold());
    }

    /** Lets held and later commits of a memory sink through. */
    public static void releaseCommits(String stream) {
        Hold hold = HOLDS.remove(stream);
        if (hold != null) {
            hold.released.countDown();
        }
    }

    /** How many commits of a memory sink are waiting for {@link #releaseCommits}. */
    public static int heldCommits(String stream) {
        Hold hold = HOLDS.get(stream);
        return hold == null ? 0 : hold.waiting.get();
    }

    /** Waits while the stream's commits are held (at most ten minutes, so a forgotten hold cannot hang a build). */
    static void awaitRelease(String stream) throws InterruptedException {
        Hold hold = HOLDS.get(stream);
        if (hold == null) {
            return;
        }
        hold.waiting.incrementAndGet();
        try {
            hold.released.await(10, TimeUnit.MINUTES);
        }
        finally {
            hold.waiting.decrementAndGet();
        }
    }

    /** Forgets everything about a stream. */
    public static void reset(String stream) {
        releaseCommits(stream);
        INPUTS.remove(stream);
        OUTPUTS.remove(stream);
        FAILURES_LEFT.remove(stream);
        TAKEN.remove(stream);
    }

    private static final class Hold {
        final CountDownLatch released = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();
    }
}
