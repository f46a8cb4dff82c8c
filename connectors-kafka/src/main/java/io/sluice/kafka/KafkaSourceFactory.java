package io.sluice.kafka;

import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.source.Source;
import io.sluice.api.source.SourceFactory;

/** Creates {@code type = kafka} sources. Stateless. */
public final class KafkaSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Reads Kafka topics with a direct stream; offsets are committed only after every sink wrote the batch";
    }

    @Override
    public OptionSpecs options() {
        return KafkaSourceOptions.SPECS;
    }

    @Override
    public Source create(Options options, PluginContext context) {
        return new KafkaSource(context.componentName(), KafkaSourceOptions.parse(options, "sluice-" + context.pipelineName()));
    }
}
