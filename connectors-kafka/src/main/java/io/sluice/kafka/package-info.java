/**
 * Kafka connector: the {@code kafka} source (a Spark direct stream whose offsets are committed to
 * the consumer group only after every sink wrote the batch, and which resumes from the pipeline's
 * stored positions) and the {@code kafka} sink (an idempotent producer per executor JVM).
 */
package io.sluice.kafka;
