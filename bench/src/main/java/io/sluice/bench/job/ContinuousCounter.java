package io.sluice.bench.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts lines per level for the continuous variants (Kafka Streams, the raw consumer), from any
 * number of threads, and gives them the same two modes as the Spark jobs' 1 s batches:
 * <ul>
 *   <li>catch-up: count as fast as the lines come; one "batch" from the first line to the last;</li>
 *   <li>sustained at rate R: lines are cut into slices of R; a slice's processing time is from its
 *       start until its R-th line is counted, and the next slice starts only a second after the
 *       previous one started (the counting thread waits), as a batch would.</li>
 * </ul>
 * {@link #awaitDone()} returns once the expected lines, or the asked-for slices, are counted.
 */
public final class ContinuousCounter {
    private final JobSpec spec;
    private final Map<String, LongAdder> levels = new ConcurrentHashMap<>();
    private final AtomicLong counted = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<ChildReport.Batch> slices = new ArrayList<>();
    private volatile long firstNanos;
    private volatile long slice;   // written under this
    private long sliceStartNanos;  // guarded by this

    public ContinuousCounter(JobSpec spec) {
        this.spec = spec;
    }

    /** Counts one line of {@code level}; in sustained mode may block until the next slice. */
    public void count(String level) {
        levels.computeIfAbsent(level, l -> new LongAdder()).increment();
        long n = counted.incrementAndGet();
        if (n == 1) {
            firstNanos = System.nanoTime();
        }
        if (spec.catchUp()) {
            if (n == spec.expectedRecords()) {
                synchronized (this) {
                    slices.add(new ChildReport.Batch(n, (System.nanoTime() - firstNanos) / 1_000_000));
                }
                ChildReport.printFirstBatch();
                done.countDown();
            }
            return;
        }
        long rate = spec.ratePerSecond();
        long lineSlice = (n - 1) / rate;
        if (lineSlice > slice) {
            awaitSlice(lineSlice);
        }
        if (n % rate == 0) {
            endSlice();
        }
    }

    private synchronized void awaitSlice(long lineSlice) {
        while (slice < lineSlice && !isDone()) {
            try {
                wait();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Called by the thread that counted a slice's last line. */
    private synchronized void endSlice() {
        long now = System.nanoTime();
        long start = slice == 0 ? firstNanos : sliceStartNanos;
        slices.add(new ChildReport.Batch(spec.ratePerSecond(), (now - start) / 1_000_000));
        if (slices.size() == 1) {
            ChildReport.printFirstBatch();
        }
        if (slices.size() >= spec.batches()) {
            done.countDown();
        }
        else {
            long next = start + TimeUnit.MILLISECONDS.toNanos(JobSpec.BATCH_INTERVAL_MILLIS);
            sleepUntil(next);
            sliceStartNanos = Math.max(next, now);
        }
        slice++;
        notifyAll();
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    public void awaitDone() throws InterruptedException {
        done.await();
    }

    public synchronized ChildReport report() {
        Map<String, Long> byLevel = new TreeMap<>();
        levels.forEach((level, count) -> byLevel.put(level, count.sum()));
        long total = byLevel.values().stream().mapToLong(Long::longValue).sum();
        return new ChildReport(total, byLevel, List.copyOf(slices));
    }
}
