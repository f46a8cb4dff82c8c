package io.sluice.core.builtin.console;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/** Creates console writers on executors; holds only the options. */
final class ConsoleSinkWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final ConsoleSinkOptions options;

    ConsoleSinkWriterFactory(ConsoleSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new ConsoleSinkWriter(options, context.partitionId());
    }
}
