package io.sluice.core.builtin.aggregate;

import java.util.List;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.Transform;
import io.sluice.api.transform.TransformFactory;

/**
 * {@code type = count-by-value}: how often each value of a field occurs, per batch or per sliding
 * window (the seed's {@code countByValue} and {@code countByValueAndWindow}). Outputs the field,
 * {@code count}, {@code window_start} and {@code window_end}.
 */
public final class CountByValueTransformFactory implements TransformFactory {
    static final OptionSpec<String> FIELD = OptionSpec.string("field").required().doc("The field whose values are counted");
    static final OptionSpecs SPECS = OptionSpecs.of(FIELD, WindowSpec.WINDOW, WindowSpec.SLIDE);

    @Override
    public String type() {
        return "count-by-value";
    }

    @Override
    public String description() {
        return "Counts how often each value of a field occurs, per batch or per sliding window";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public Transform create(Options options, PluginContext context) {
        Aggregation aggregation = AggregateTransformFactory.aggregation(List.of(options.get(FIELD)), List.of("count"));
        return new AggregateTransform(aggregation, WindowSpec.from(options, context.batchInterval(), "window"), context.batchInterval());
    }
}
