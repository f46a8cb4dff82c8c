package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/** Creates {@code jdbc} writers on executors; holds only the options (the password as a {@code Secret}). */
final class JdbcWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final JdbcSinkOptions options;

    JdbcWriterFactory(JdbcSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new JdbcPartitionWriter(options, context);
    }
}
