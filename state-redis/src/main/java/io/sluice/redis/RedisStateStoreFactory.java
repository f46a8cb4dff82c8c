package io.sluice.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sluice.api.option.Durations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.state.StateStorage;
import io.sluice.api.state.StateStore;
import io.sluice.api.state.StateStoreFactory;

/**
 * {@code state { type = redis }}: keyed state in Redis, read and written per partition, each key
 * guarded by the batch time of its last update so a replayed batch is not applied twice.
 */
public final class RedisStateStoreFactory implements StateStoreFactory {
    static final OptionSpec<String> KEY_PREFIX = OptionSpec.string("key-prefix")
            .doc("Prefix of every state key, as <key-prefix>:<pipeline>.<transform>:<key>; default: the pipeline's name");
    static final OptionSpec<Duration> TTL = OptionSpec.duration("ttl").atLeast(1)
            .doc("Expire a key this long after its last update; a stateful transform's idle-timeout takes precedence; default: never");
    static final OptionSpecs SPECS = specs();

    private static OptionSpecs specs() {
        List<OptionSpec<?>> all = new ArrayList<>(RedisConnectionOptions.SPECS);
        all.add(KEY_PREFIX);
        all.add(TTL);
        return OptionSpecs.of(all);
    }

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public String description() {
        return "Keyed state in Redis, updated per partition with pipelined reads and batch-time-guarded writes (replay-safe)";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public StateStore create(Options options, PluginContext context) {
        RedisConnectionOptions connection = RedisConnectionOptions.parse(options);
        String prefix = options.find(KEY_PREFIX).orElse(context.pipelineName());
        return new RedisStateStore(connection, prefix, options.find(TTL));
    }

    /** The store on the driver: configuration only; executors open the connections. */
    private record RedisStateStore(RedisConnectionOptions connection, String keyPrefix, Optional<Duration> ttl) implements StateStore {
        @Override
        public StateStorage storage() {
            return new StateStorage.External(new RedisStateAccessorFactory(connection, keyPrefix, ttl));
        }

        @Override
        public String describe() {
            return "redis at " + connection.describe() + ", keys " + keyPrefix + ":*" + ttl.map(t -> ", ttl " + Durations.format(t)).orElse("")
                    + "; each key's write is guarded by batch time, so a replayed batch is not applied twice";
        }
    }
}
