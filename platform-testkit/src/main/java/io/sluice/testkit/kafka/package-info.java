/**
 * A real Kafka broker (KRaft, forked from Kafka's own jars) for tests, with helpers to create
 * topics, produce, consume and read a consumer group's committed offsets.
 */
package io.sluice.testkit.kafka;
