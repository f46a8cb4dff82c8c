package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/** Creates {@code hdfs} writers on executors; holds only the options. */
final class HdfsWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final HdfsSinkOptions options;

    HdfsWriterFactory(HdfsSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new HdfsPartitionWriter(options, new HdfsLayout(options), context);
    }
}
