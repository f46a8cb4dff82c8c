package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/**
 * {@code type = redis} sink: each record becomes a hash, a string or a sorted-set member under a
 * key made from its fields, written in one pipeline per partition. Every form is a set (HSET, SET,
 * ZADD), so a replayed batch leaves the same result: the sink is idempotent.
 */
public final class RedisSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "redis";
    }

    @Override
    public String description() {
        return "Writes records to Redis as hashes, strings or sorted-set scores under a key template, with an optional TTL";
    }

    @Override
    public OptionSpecs options() {
        return RedisSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new RedisSink(RedisSinkOptions.parse(options));
    }

    private record RedisSink(RedisSinkOptions options) implements Sink {
        RedisSink {
            requireNonNull(options, "options is null");
        }

        @Override
        public PartitionWriterFactory writerFactory() {
            return new RedisPartitionWriterFactory(options);
        }

        @Override
        public SinkDelivery delivery() {
            return SinkDelivery.IDEMPOTENT;
        }

        @Override
        public String describe() {
            return options.describe() + "; HSET, SET and ZADD overwrite, so a replayed batch writes the same";
        }
    }
}
