package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.spark.streaming.StreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.TestPipelines;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * {@code pipeline.stop-timeout} bounds a graceful stop even when the batch in progress never ends:
 * Spark's own graceful stop would wait up to an hour for it, holding the streaming context's lock.
 */
@Timeout(180)
class StopTimeoutTest {
    @TempDir
    Path work;

    @Test
    void aBatchThatDoesNotEndIsAbandonedAfterTheStopTimeout() throws Exception {
        String stream = "held-" + UUID.randomUUID().toString().substring(0, 8);
        MemoryStreams.holdCommits(stream);
        Path file = TestPipelines.write(work, "held.conf", """
                pipeline { name = held, batch-interval = 500ms, checkpoint = "file:%s/cp", stop-timeout = 2s }
                sources = [ { type = generator, name = logs, rate = 200 } ]
                sinks = [ { type = memory, stream = "%s" } ]
                """.formatted(work, stream));
        TestPipelines.Running running = TestPipelines.start(TestPipelines.bind(file));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (MemoryStreams.heldCommits(stream) == 0) {
                assertThat(running.outcome()).as("the pipeline ended before its first commit").isNotDone();
                assertThat(System.nanoTime()).as("no commit reached the sink in time").isLessThan(deadline);
                Thread.sleep(50);
            }
            running.runner().requestStop();

            // Two stop timeouts (the graceful stop, then Spark's under it) and slack; the held commit waits ten minutes.
            assertThat(running.outcome().get(60, TimeUnit.SECONDS)).isEqualTo(PipelineRunner.Outcome.STOPPED);
            assertThat(MemoryStreams.batches(stream)).as("the held batch was never committed").isEmpty();
        }
        finally {
            MemoryStreams.releaseCommits(stream);
            awaitNoActiveContext(Duration.ofSeconds(60));
            MemoryStreams.reset(stream);
        }
    }

    /** The abandoned stop ends once the commit returns; later tests in this JVM need the context gone. */
    private static void awaitNoActiveContext(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (StreamingContext.getActive().isDefined() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(StreamingContext.getActive().isDefined()).as("the abandoned stop ended").isFalse();
    }
}
