package io.sluice.bench;

/** The five ways the job runs, each in its own JVM with the same heap. */
enum Variant {
    HAND_WRITTEN("hand-written", "hand-written Spark job (direct stream)"),
    SLUICE("sluice", "Sluice, `sluice run` of the pipeline file"),
    KAFKA_STREAMS("kafka-streams", "Kafka Streams topology"),
    RAW_CONSUMER("raw-consumer", "KafkaConsumer loop, 1 thread"),
    RAW_CONSUMER_2("raw-consumer-2", "KafkaConsumer loop, 2 threads"),
    /** Another Sluice build (--baseline-sluice-home), for before/after figures taken in one run. */
    SLUICE_BASELINE("sluice-baseline", "Sluice, another build, for before/after");

    private final String id;
    private final String description;

    Variant(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    static Variant byId(String id) {
        for (Variant variant : values()) {
            if (variant.id.equals(id)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant [" + id + "]; known: hand-written, sluice, kafka-streams, raw-consumer, raw-consumer-2, sluice-baseline");
    }
}
