package io.sluice.kafka;

/** How the bytes of a Kafka key or value become a record field. */
public enum KafkaFormat {
    /** UTF-8 text; bytes that are not valid UTF-8 send the record to the dead-letter path. */
    STRING,
    /** The bytes as they are. */
    BYTES,
    /** A JSON document; for values, an object whose members become fields. Invalid JSON is dead-lettered. */
    JSON
}
