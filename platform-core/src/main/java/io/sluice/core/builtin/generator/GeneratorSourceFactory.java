package io.sluice.core.builtin.generator;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceFactory;

/** Creates {@code generator} sources. Stateless. */
public final class GeneratorSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "generator";
    }

    @Override
    public String description() {
        return "Deterministic synthetic log lines (timestamp,host,level,message) at a fixed rate; "
                + "replayable: a batch is a pure function of its time and the seed";
    }

    @Override
    public OptionSpecs options() {
        return GeneratorOptions.SPECS;
    }

    @Override
    public Source create(Options options, PluginContext context) {
        return new GeneratorSource(GeneratorOptions.parse(options), context.clock());
    }
}
