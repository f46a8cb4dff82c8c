package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/** Creates {@code file} sink writers on executors; holds only options and the layout. */
final class FileSinkWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final FileSinkOptions options;
    private final FileSinkPaths paths;

    FileSinkWriterFactory(FileSinkOptions options, FileSinkPaths paths) {
        this.options = requireNonNull(options, "options is null");
        this.paths = requireNonNull(paths, "paths is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new FileSinkWriter(options,
                paths.attemptFile(context.batchTime(), context.partitionId(), context.attemptId()),
                context.partitionId());
    }
}
