package io.sluice.core.builtin.stateful;

import java.time.Duration;
import java.util.List;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.builtin.aggregate.AggregateTransformFactory;

/** {@code type = stateful}: running count, sum, min, max and avg per key, in the pipeline's state store. */
public final class StatefulTransformFactory implements TransformFactory {
    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key").required()
            .doc("Fields that identify a key's running state, e.g. [level]");
    static final OptionSpec<List<String>> AGGREGATES = OptionSpec.stringList("aggregates").defaultValue(List.of("count"))
            .doc("Running aggregates: count, count(f), sum(f), min(f), max(f), avg(f), each optionally 'as name'");
    static final OptionSpec<Duration> IDLE_TIMEOUT = OptionSpec.duration("idle-timeout").atLeast(1)
            .doc("Drop a key's state after it has had no records for this long; default: keep forever");
    static final OptionSpec<StatefulTransform.Emit> EMIT = OptionSpec.oneOf("emit", StatefulTransform.Emit.class)
            .defaultValue(StatefulTransform.Emit.UPDATED)
            .doc("updated: each batch outputs the keys it changed; all: every key's state (checkpoint store only)");
    static final OptionSpecs SPECS = OptionSpecs.of(KEY, AGGREGATES, IDLE_TIMEOUT, EMIT);

    @Override
    public String type() {
        return "stateful";
    }

    @Override
    public String description() {
        return "Running aggregates per key across batches (updateStateByKey), kept in the pipeline's state store";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public Transform create(Options options, PluginContext context) {
        return new StatefulTransform(
                AggregateTransformFactory.aggregation(options.get(KEY), options.get(AGGREGATES)),
                options.find(IDLE_TIMEOUT),
                options.get(EMIT));
    }
}
