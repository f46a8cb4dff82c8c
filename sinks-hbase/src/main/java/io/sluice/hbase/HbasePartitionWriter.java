package io.sluice.hbase;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.RetriesExhaustedWithDetailsException;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.WriterContext;

/**
 * Writes one partition of one batch through its own {@link BufferedMutator} on the JVM's shared
 * connection. Every cell's timestamp is the batch time, so a replayed batch writes the very same
 * cells (same row, column and version) instead of new versions. Failed mutations are collected
 * by the mutator's listener and surface from {@link #write} or {@link #commit} as an
 * {@link IOException}, which the runtime retries; nothing is only logged. Used by one thread.
 */
final class HbasePartitionWriter implements PartitionWriter {
    private final HbaseSinkOptions options;
    private final WriterContext context;
    private final byte[] family;
    private final List<RetriesExhaustedWithDetailsException> failures = new ArrayList<>();
    private BufferedMutator mutator;

    HbasePartitionWriter(HbaseSinkOptions options, WriterContext context) {
        this.options = requireNonNull(options, "options is null");
        this.context = requireNonNull(context, "context is null");
        this.family = options.columnFamily().getBytes(UTF_8);
    }

    @Override
    public void write(Record record) throws IOException {
        Put put = new Put(options.rowKey().render(record).getBytes(UTF_8), context.batchTime());
        if (options.qualifiers().isEmpty()) {
            for (int i = 0; i < record.fieldCount(); i++) {
                String field = record.fieldName(i);
                if (!options.rowKey().fields().contains(field)) {
                    add(put, field, record.fieldValue(i));
                }
            }
        }
        else {
            for (int i = 0; i < options.qualifiers().size(); i++) {
                add(put, options.qualifiers().get(i), record.get(options.fields().get(i)));
            }
        }
        if (put.isEmpty()) {
            // A row needs at least one cell; keep the row key findable with an empty marker cell.
            put.addColumn(family, new byte[0], context.batchTime(), new byte[0]);
        }
        mutator().mutate(put);
        throwFailures();
    }

    @Override
    public Serializable commit() throws IOException {
        if (mutator != null) {
            try {
                mutator.flush();
            }
            catch (RetriesExhaustedWithDetailsException e) {
                failures.add(e);
            }
        }
        throwFailures();
        return null;
    }

    @Override
    public void abort() {
        // Puts already sent stay: they carry this batch's timestamp, and the retry rewrites the same cells.
    }

    @Override
    public void close() throws IOException {
        if (mutator != null) {
            try {
                mutator.close();
            }
            catch (RetriesExhaustedWithDetailsException e) {
                // Only after a failed attempt: the runtime already has that attempt's failure.
            }
        }
    }

    private void add(Put put, String qualifier, Object value) {
        if (value == null) {
            return;
        }
        byte[] bytes = value instanceof byte[] raw ? raw
                : (value instanceof Instant instant ? instant.toString() : String.valueOf(value)).getBytes(UTF_8);
        put.addColumn(family, qualifier.getBytes(UTF_8), context.batchTime(), bytes);
    }

    private BufferedMutator mutator() throws IOException {
        if (mutator == null) {
            BufferedMutatorParams params = new BufferedMutatorParams(TableName.valueOf(options.table()))
                    .writeBufferSize(options.writeBufferSize())
                    .listener((e, ignored) -> failures.add(e));
            mutator = HbaseConnections.get(options).getBufferedMutator(params);
        }
        return mutator;
    }

    private void throwFailures() throws IOException {
        if (failures.isEmpty()) {
            return;
        }
        RetriesExhaustedWithDetailsException first = failures.get(0);
        IOException failure = new IOException("hbase sink: " + first.getNumExceptions() + " puts to [" + options.table()
                + "] failed for batch " + context.batchTime() + ": " + first.getMessage(), first);
        failures.subList(1, failures.size()).forEach(failure::addSuppressed);
        failures.clear();
        throw failure;
    }
}
