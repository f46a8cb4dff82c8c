package io.sluice.core.builtin;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.testkit.TestingWriterContext;

/**
 * Writes one batch through a sink the way the runtime does: the writer factory is shipped to the
 * executors, each partition gets a writer (write*, commit or abort, close), and the commit
 * messages are handed to {@link Sink#commitBatch} on the driver.
 */
public final class TestingSinkRunner {
    private TestingSinkRunner() {
    }

    public static void writeBatch(Sink sink, JavaRDD<Record> batch, long batchTime) throws IOException {
        PartitionWriterFactory factory = sink.writerFactory();
        List<Serializable> messages = new ArrayList<>(batch
                .mapPartitionsWithIndex((partition, records) -> writePartition(factory, batchTime, partition, records), false)
                .collect());
        messages.removeIf(Objects::isNull);
        sink.commitBatch(batchTime, messages);
    }

    private static Iterator<Serializable> writePartition(PartitionWriterFactory factory, long batchTime, int partition,
            Iterator<Record> records) throws IOException {
        long attempt = TaskContext.get().taskAttemptId();
        PartitionWriter writer = factory.create(TestingWriterContext.of(batchTime, partition, attempt));
        try {
            while (records.hasNext()) {
                writer.write(records.next());
            }
            List<Serializable> message = new ArrayList<>(1);
            message.add(writer.commit());
            return message.iterator();
        }
        catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        finally {
            writer.close();
        }
    }
}
