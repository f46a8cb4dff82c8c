package io.sluice.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;
import io.sluice.api.sink.SinkFactory;

/** Creates {@code type = kafka} sinks. Stateless. */
public final class KafkaSinkFactory implements SinkFactory {
    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Writes records to Kafka with an idempotent producer (acks = all); a replayed batch is written again";
    }

    @Override
    public OptionSpecs options() {
        return KafkaSinkOptions.SPECS;
    }

    @Override
    public Sink create(Options options, PluginContext context) {
        return new KafkaSink(KafkaSinkOptions.parse(options));
    }

    /** The driver side of a Kafka sink: all the work happens in the executors' partition writers. */
    private record KafkaSink(KafkaSinkOptions options) implements Sink {
        KafkaSink {
            requireNonNull(options, "options is null");
        }

        @Override
        public PartitionWriterFactory writerFactory() {
            KafkaSinkOptions writerOptions = options;
            return context -> new KafkaPartitionWriter(writerOptions);
        }

        @Override
        public SinkDelivery delivery() {
            return SinkDelivery.APPEND;
        }

        @Override
        public String describe() {
            return "appends to Kafka " + options.topic().map(topic -> "topic [" + topic + "]")
                    .orElseGet(() -> "topics named by field [" + options.topicField().get() + "]")
                    + " with an idempotent producer, which removes duplicates within a run but not a replayed batch's";
        }
    }
}
