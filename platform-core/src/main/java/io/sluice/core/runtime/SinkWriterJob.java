package io.sluice.core.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.source.Positions;
import io.sluice.api.source.SourcePositions;
import io.sluice.core.plan.DeadLetters;
import io.sluice.core.plan.Rdds;
import io.sluice.core.plan.RecordFailureException;

/**
 * Writes each batch of a stream to one sink: runs a {@link PartitionWriter} per partition on the
 * executors, then the sink's driver-side commit; retries the whole batch with backoff when that
 * fails; and when the tries run out fails the pipeline, marking the batch so its source positions
 * are not committed. A batch is never skipped.
 *
 * <p>Records the target rejects one by one ({@link RecordException} from {@code write}) come back
 * to the driver as dead letters and go to the dead-letter sink when bad records are tolerated;
 * otherwise they stop the pipeline. Serialized into the checkpoint with the stream graph.
 */
public final class SinkWriterJob implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SinkWriterJob.class);

    private final String pipelineName;
    private final String sinkName;
    private final String label;
    private final PartitionWriterFactory writers;
    private final SinkRetryPolicy retryPolicy;
    private final boolean singlePartition;
    private final Map<String, SourcePositions> positions;
    private final SinkWriterJob deadLetters;

    /**
     * @param positions the sources' position trackers, for sinks that store positions with their data
     * @param deadLetters where rejected records go, or null when bad records stop the pipeline
     */
    public SinkWriterJob(String pipelineName, String sinkName, String label, PartitionWriterFactory writers,
            SinkRetryPolicy retryPolicy, boolean singlePartition, Map<String, SourcePositions> positions, SinkWriterJob deadLetters) {
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
        this.sinkName = requireNonNull(sinkName, "sinkName is null");
        this.label = requireNonNull(label, "label is null");
        this.writers = requireNonNull(writers, "writers is null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        this.singlePartition = singlePartition;
        this.positions = new LinkedHashMap<>(requireNonNull(positions, "positions is null"));
        this.deadLetters = deadLetters;
    }

    /** Writes one batch; called on the driver by the stream's output operation. */
    public void write(JavaRDD<Record> batch, Time time) {
        long batchTime = time.milliseconds();
        RuntimeServices services = RuntimeServices.of(pipelineName);
        BatchWriterContext context = new BatchWriterContext(pipelineName, sinkName, batchTime, 0, 0, positionsOf(batchTime));
        JavaRDD<Record> input = singlePartition && batch.getNumPartitions() != 1 ? batch.coalesce(1) : batch;
        LongAccumulator written = services.counters().written();
        PartitionWriterFactory factory = writers;
        boolean tolerateRejects = deadLetters != null;
        String stepLabel = label;
        for (int attempt = 1; ; attempt++) {
            try {
                List<PartitionResult> results = Rdds.runPerPartition(input, (task, records) ->
                        writePartition(factory, context, task, records, tolerateRejects, stepLabel, written));
                List<Serializable> messages = new ArrayList<>();
                List<Record> rejected = new ArrayList<>();
                for (PartitionResult result : results) {
                    if (result.commitMessage() != null) {
                        messages.add(result.commitMessage());
                    }
                    rejected.addAll(result.rejected());
                }
                services.sink(sinkName).commitBatch(batchTime, messages);
                if (!rejected.isEmpty()) {
                    // Written with the batch's other dead letters by the dead-letter output, which runs
                    // after every sink: one write per batch, as sinks that replace by batch time need.
                    services.addDeadLetters(batchTime, rejected);
                }
                return;
            }
            catch (Exception e) {
                if (attempt > retryPolicy.retries() || !isRetriable(e)) {
                    services.markFailed(batchTime);
                    throw failure(batchTime, attempt, e);
                }
                long wait = retryPolicy.backoffMillis(attempt);
                LOG.warn("{}: writing batch {} failed (attempt {} of {}), retrying in {} ms: {}",
                        label, Instant.ofEpochMilli(batchTime), attempt, retryPolicy.retries() + 1, wait, rootMessage(e));
                sleep(wait);
            }
        }
    }

    /**
     * Writes a batch of dead letters: those split off by the record steps, plus what sinks of the
     * same batch rejected one by one. Called on the driver by the dead-letter output.
     */
    public void writeDeadLetters(JavaRDD<Record> batch, Time time) {
        List<Record> rejected = RuntimeServices.of(pipelineName).takeDeadLetters(time.milliseconds());
        JavaRDD<Record> all = rejected.isEmpty()
                ? batch
                : batch.union(JavaSparkContext.fromSparkContext(batch.context()).parallelize(rejected, 1));
        write(all, time);
    }

    private Map<String, Positions> positionsOf(long batchTime) {
        Map<String, Positions> batchPositions = new LinkedHashMap<>();
        positions.forEach((source, tracker) -> tracker.positionsOf(batchTime).ifPresent(p -> batchPositions.put(source, p)));
        return batchPositions;
    }

    private static PartitionResult writePartition(PartitionWriterFactory factory, BatchWriterContext batchContext, TaskContext task,
            Iterator<Record> records, boolean tolerateRejects, String label, LongAccumulator written) throws IOException {
        BatchWriterContext context = batchContext.forPartition(task.partitionId(), task.taskAttemptId());
        List<Record> rejected = new ArrayList<>();
        long count = 0;
        PartitionWriter writer = factory.create(context);
        Exception failure = null;
        try {
            while (records.hasNext()) {
                Record record = records.next();
                try {
                    writer.write(record);
                    count++;
                }
                catch (RecordException e) {
                    if (!tolerateRejects) {
                        throw new RecordFailureException(record, label, e);
                    }
                    rejected.add(DeadLetters.of(record, label, e, context.batchTime()));
                }
            }
            Serializable message = writer.commit();
            written.add(count);
            return new PartitionResult(message, rejected, count);
        }
        catch (IOException | RuntimeException e) {
            failure = e;
            try {
                writer.abort();
            }
            catch (IOException | RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        finally {
            // A failure to close must not hide the failure that got us here.
            try {
                writer.close();
            }
            catch (IOException | RuntimeException closeFailure) {
                if (failure == null) {
                    throw closeFailure;
                }
                failure.addSuppressed(closeFailure);
            }
        }
    }

    private SluiceException failure(long batchTime, int attempts, Exception e) {
        Optional<SluiceException> cause = sluiceCause(e);
        if (cause.isPresent() && cause.get() instanceof RecordFailureException recordFailure) {
            return recordFailure;
        }
        ErrorKind kind = cause.map(SluiceException::kind).orElse(ErrorKind.EXTERNAL);
        return new SluiceException(kind, false, label + ": writing batch " + Instant.ofEpochMilli(batchTime) + " failed after "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + "; its positions are not committed and it will be replayed on restart: "
                + rootMessage(e), e);
    }

    /** Only failures a plugin marked final, or bad records, are not retried; an unknown failure is. */
    private static boolean isRetriable(Throwable e) {
        return sluiceCause(e).map(SluiceException::isRetriable).orElse(true);
    }

    private static Optional<SluiceException> sluiceCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SluiceException sluice) {
                return Optional.of(sluice);
            }
        }
        return Optional.empty();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorKind.INTERNAL, false, "interrupted while waiting to retry a sink", e);
        }
    }
}
