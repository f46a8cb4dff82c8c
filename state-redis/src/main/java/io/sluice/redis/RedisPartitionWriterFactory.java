package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.WriterContext;

/**
 * Creates a {@link RedisPartitionWriter} per partition and batch attempt. Serialized into
 * checkpoints and shipped to executors: holds the sink's options only; the client comes from the
 * executor JVM's pool.
 */
final class RedisPartitionWriterFactory implements PartitionWriterFactory {
    private static final long serialVersionUID = 1L;

    private final RedisSinkOptions options;

    RedisPartitionWriterFactory(RedisSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriter create(WriterContext context) {
        return new RedisPartitionWriter(options, RedisClients.get(options.connection()));
    }
}
