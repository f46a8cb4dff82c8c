package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each completed batch: batch time, records read and written, dead letters, processing
 * time and scheduling delay. In a terminal it redraws one status line; elsewhere it logs a line
 * per batch. Runs on Spark's listener thread.
 */
final class StatusReporter implements StreamingListener {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PipelineCounters counters;
    private final BatchStats stats;
    private final PrintStream terminal;
    private long lastRead;
    private long lastWritten;
    private long lastDead;
    private long batches;

    /** @param terminal where to draw the live line, or null to log instead */
    StatusReporter(PipelineCounters counters, BatchStats stats, PrintStream terminal) {
        this.counters = requireNonNull(counters, "counters is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.terminal = terminal;
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        BatchInfo info = completed.batchInfo();
        long read = counters.read().value();
        long written = counters.written().value();
        long dead = counters.deadLettered().value();
        batches++;
        stats.completed(info.batchTime().milliseconds(), millis(info.processingDelay()), millis(info.schedulingDelay()),
                System.currentTimeMillis());
        String line = String.format("batch %s | in %,d | out %,d | dead-lettered %,d | processed in %.2fs | delay %.2fs | batches %,d",
                TIME.format(Instant.ofEpochMilli(info.batchTime().milliseconds())),
                read - lastRead, written - lastWritten, dead - lastDead,
                millis(info.processingDelay()) / 1000.0, millis(info.schedulingDelay()) / 1000.0, batches);
        lastRead = read;
        lastWritten = written;
        lastDead = dead;
        if (terminal != null) {
            terminal.print("\r\033[2K" + line);
            terminal.flush();
        }
        else {
            LOG.info(line);
        }
    }

    private static long millis(scala.Option<Object> value) {
        return value.isDefined() ? (Long) value.get() : 0L;
    }
}
