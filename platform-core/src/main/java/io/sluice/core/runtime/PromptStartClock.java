package io.sluice.core.runtime;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.spark.util.Clock;

/**
 * The driver's streaming clock ({@code spark.streaming.clock}), which lets a fresh run's first batch
 * come as soon as the stream graph starts instead of at the next multiple of the batch interval.
 *
 * <p>Spark times batches on multiples of the interval and starts a fresh run at the next one: half an
 * interval of idling on average before the first batch. Armed with {@link #startPromptly}, the clock's
 * next reading (Spark's, when it picks the first batch time) fixes an offset so that it reads just
 * before the latest multiple that has already passed, and that batch comes at once; from then on the
 * clock reads that far behind the wall clock, so batch times stay multiples of the interval, one
 * interval apart, each a little before the moment its batch is made.
 *
 * <p>A batch time is a key outside Spark (the JDBC sink's exactly-once markers, HBase cell
 * timestamps, the Redis state store's replay guard): it must lie after every batch time an earlier
 * run of the pipeline used. So the offset is taken only when that multiple lies after
 * {@code notBefore}, when this run began (an earlier run's batch times all lie before it, since the
 * clock never reads ahead of the wall clock and that run stopped before this one began), and only for
 * a fresh run: a recovery's batch times continue from its checkpoint, and Spark computes them from
 * this clock unarmed, as the wall clock. With a long interval there is usually no such multiple yet,
 * and the first batch comes at the next one, as Spark's own clock would have it. Like Spark's own
 * batch times this trusts the wall clock not to step back between runs, with one interval less to
 * spare than Spark's next multiple has.
 */
public final class PromptStartClock implements Clock {
    private final LongSupplier wallClock;
    private volatile Arming arming;
    private volatile long lagMillis;

    /** As Spark creates it, by reflection. */
    public PromptStartClock() {
        this(System::currentTimeMillis);
    }

    PromptStartClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /**
     * Lets the first batch come at once: the next reading fixes the clock's lag. Call it just before
     * starting the streaming context, whose start reads the clock first to pick the first batch time.
     *
     * @param intervalMillis the batch interval
     * @param notBefore wall-clock time a first batch time must lie after
     */
    void startPromptly(long intervalMillis, long notBefore) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMillis);
        }
        arming = new Arming(intervalMillis, notBefore);
    }

    /** How far this clock reads behind the wall clock. */
    long lagMillis() {
        return lagMillis;
    }

    @Override
    public long getTimeMillis() {
        long now = wallClock.getAsLong();
        if (arming != null) {
            settleLag(now);
        }
        return now - lagMillis;
    }

    private synchronized void settleLag(long now) {
        Arming pending = arming;
        if (pending == null) {
            return;
        }
        long passed = now - Math.floorMod(now, pending.intervalMillis());
        if (passed > pending.notBefore()) {
            // One millisecond before it, so Spark's next multiple is that one.
            lagMillis = now - passed + 1;
        }
        // After the lag: a reader that sees no arming must see the lag too.
        arming = null;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Waits until this clock reads {@code targetTime}; returns its reading then. Spark's timer ends on the interrupt. */
    @Override
    public long waitTillTime(long targetTime) {
        while (true) {
            long now = getTimeMillis();
            if (now >= targetTime) {
                return now;
            }
            try {
                // Short sleeps near the end, as Spark's SystemClock: the wall clock may be stepped meanwhile.
                TimeUnit.MILLISECONDS.sleep(Math.min(targetTime - now, Math.max((targetTime - now) / 10, 25)));
            }
            catch (InterruptedException e) {
                throw PromptStartClock.<RuntimeException>rethrow(e);
            }
        }
    }

    private record Arming(long intervalMillis, long notBefore) {
    }

    /** Scala's interface declares no exceptions, yet its caller (Spark's timer) ends on an InterruptedException. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable e) throws E {
        throw (E) e;
    }
}
