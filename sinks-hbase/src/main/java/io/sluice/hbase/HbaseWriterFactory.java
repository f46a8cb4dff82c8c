package io.sluice.hbase;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/** Creates {@code hbase} writers on executors; holds only the options. */
final class HbaseWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final HbaseSinkOptions options;

    HbaseWriterFactory(HbaseSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new HbasePartitionWriter(options, context);
    }
}
