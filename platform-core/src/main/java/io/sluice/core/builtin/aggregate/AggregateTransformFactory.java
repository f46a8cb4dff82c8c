package io.sluice.core.builtin.aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;

/** {@code type = aggregate}: count, sum, min, max and avg by key, per batch or per sliding window. */
public final class AggregateTransformFactory implements TransformFactory {
    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key").required()
            .doc("Fields to group by, e.g. [level] or [host, level]");
    static final OptionSpec<List<String>> AGGREGATES = OptionSpec.stringList("aggregates").defaultValue(List.of("count"))
            .doc("Aggregates to compute: count, count(f), sum(f), min(f), max(f), avg(f), each optionally 'as name'");
    static final OptionSpecs SPECS = OptionSpecs.of(KEY, AGGREGATES, WindowSpec.WINDOW, WindowSpec.SLIDE);

    @Override
    public String type() {
        return "aggregate";
    }

    @Override
    public String description() {
        return "Aggregates by key (count, sum, min, max, avg) per batch or per sliding window";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public Transform create(Options options, PluginContext context) {
        Aggregation aggregation = aggregation(options.get(KEY), options.get(AGGREGATES));
        return new AggregateTransform(aggregation, WindowSpec.from(options, context.batchInterval(), "window"), context.batchInterval());
    }

    /** Parses and checks key fields and aggregate specs; shared with the stateful transform. */
    public static Aggregation aggregation(List<String> keys, List<String> aggregates) {
        if (keys.isEmpty()) {
            throw SluiceException.user("option [key] must name at least one field");
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            throw SluiceException.user("option [key] names a field twice: " + keys);
        }
        if (aggregates.isEmpty()) {
            throw SluiceException.user("option [aggregates] must name at least one aggregate, e.g. [count]");
        }
        List<AggregateSpec> specs = new ArrayList<>();
        HashSet<String> outputs = new HashSet<>(keys);
        for (String text : aggregates) {
            AggregateSpec spec;
            try {
                spec = AggregateSpec.parse(text);
            }
            catch (IllegalArgumentException e) {
                throw SluiceException.user("option [aggregates]: " + e.getMessage());
            }
            if (!outputs.add(spec.output())) {
                throw SluiceException.user("option [aggregates]: output field [" + spec.output() + "] appears twice; name one with 'as'");
            }
            specs.add(spec);
        }
        return new Aggregation(keys, specs);
    }
}
