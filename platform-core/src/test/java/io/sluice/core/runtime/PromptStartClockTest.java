package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PromptStartClockTest {
    private static final long INTERVAL = 1_000;

    private final AtomicLong wall = new AtomicLong(10_300);
    private final PromptStartClock clock = new PromptStartClock(wall::get);

    @Test
    void unarmedReadsTheWallClock() {
        assertThat(clock.getTimeMillis()).isEqualTo(10_300);
        assertThat(sparksFirstBatchTime()).isEqualTo(11_000);
    }

    @Test
    void armedTheFirstBatchIsTheMultipleJustPassed() {
        clock.startPromptly(INTERVAL, 9_000);

        assertThat(sparksFirstBatchTime()).isEqualTo(10_000);
        assertThat(clock.lagMillis()).isEqualTo(301);
        // Due now: one millisecond on the wall clock.
        wall.addAndGet(1);
        assertThat(clock.getTimeMillis()).isEqualTo(10_000);
        // The lag holds: batches one interval apart, on multiples.
        wall.addAndGet(INTERVAL);
        assertThat(clock.getTimeMillis()).isEqualTo(11_000);
    }

    @Test
    void noBatchTimeAtOrBeforeTheRunBegan() {
        clock.startPromptly(INTERVAL, 10_000);

        assertThat(sparksFirstBatchTime()).isEqualTo(11_000);
        assertThat(clock.lagMillis()).isZero();
    }

    @Test
    void onlyTheFirstReadingAfterArmingSettlesTheLag() {
        clock.startPromptly(INTERVAL, 0);
        clock.getTimeMillis();
        wall.set(20_700);

        assertThat(clock.getTimeMillis()).isEqualTo(20_700 - 301);
        assertThat(clock.lagMillis()).isEqualTo(301);
    }

    @Test
    void waitsOnItsOwnReading() {
        PromptStartClock real = new PromptStartClock();
        real.startPromptly(INTERVAL, 0);
        long start = real.getTimeMillis();

        assertThat(real.waitTillTime(start + 60)).isGreaterThanOrEqualTo(start + 60);
        assertThat(real.waitTillTime(start)).isGreaterThanOrEqualTo(start + 60);
    }

    @Test
    void anInterruptEndsTheWaitWithInterruptedException() {
        PromptStartClock real = new PromptStartClock();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                real.waitTillTime(Long.MAX_VALUE);
                ended.complete(null);
            }
            catch (Throwable e) {
                ended.complete(e);
            }
        });
        waiter.start();
        waiter.interrupt();

        assertThat(ended.join()).isInstanceOf(InterruptedException.class);
    }

    /** As Spark's RecurringTimer.getStartTime picks it from the clock. */
    private long sparksFirstBatchTime() {
        return (Math.floorDiv(clock.getTimeMillis(), INTERVAL) + 1) * INTERVAL;
    }
}
