package io.sluice.testkit.memory;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;
import io.sluice.api.sink.WriterContext;

/**
 * {@code type = memory} sink: each batch's records, in partition order, for a test to read with
 * {@link MemoryStreams#batches}. A replayed batch replaces its earlier copy (idempotent).
 */
public final class MemorySinkFactory implements SinkFactory {
    static final OptionSpec<String> REJECT_FIELD = OptionSpec.string("reject-field")
            .doc("Reject, one by one as a database rejects a bad row, every record whose field of this name is true");
    static final OptionSpec<String> STREAM = OptionSpec.string("stream").required()
            .doc("Id of the in-memory stream the test reads");

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public String description() {
        return "Test sink: keeps each batch in the JVM for a test to read (local mode only)";
    }

    @Override
    public OptionSpecs options() {
        return OptionSpecs.of(STREAM, REJECT_FIELD);
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new MemorySink(options.get(STREAM), options.find(REJECT_FIELD).orElse(null));
    }

    private record MemorySink(String stream, String rejectField) implements Sink {
        @Override
        public PartitionWriterFactory writerFactory() {
            return new Writers(rejectField);
        }

        @Override
        public SinkDelivery delivery() {
            return SinkDelivery.IDEMPOTENT;
        }

        @Override
        public String describe() {
            return "keeps each batch in memory, replacing a replayed one";
        }

        @Override
        @SuppressWarnings("unchecked")
        public void commitBatch(long batchTime, List<Serializable> messages) throws IOException {
            try {
                MemoryStreams.awaitRelease(stream);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("memory sink [" + stream + "] interrupted while its commits were held", e);
            }
            if (MemoryStreams.takeFailure(stream)) {
                throw new IOException("memory sink [" + stream + "] failing on purpose, as the test asked");
            }
            List<Record> records = new ArrayList<>();
            messages.forEach(message -> records.addAll((List<Record>) message));
            MemoryStreams.store(stream, batchTime, records);
        }
    }

    private static final class Writers implements PartitionWriterFactory {
        private static final long serialVersionUID = 1L;
        private final String rejectField;

        Writers(String rejectField) {
            this.rejectField = rejectField;
        }

        @Override
        public PartitionWriter create(WriterContext context) {
            return new PartitionWriter() {
                private final ArrayList<Record> records = new ArrayList<>();

                @Override
                public void write(Record record) {
                    if (rejectField != null && Boolean.TRUE.equals(record.get(rejectField))) {
                        throw new io.sluice.api.error.RecordException("field [" + rejectField + "] is true: rejected on purpose");
                    }
                    records.add(record);
                }

                @Override
                public Serializable commit() {
                    return records;
                }

                @Override
                public void abort() {
                    records.clear();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
