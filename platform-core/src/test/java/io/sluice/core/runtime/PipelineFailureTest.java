package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.lang.reflect.InvocationTargetException;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;

class PipelineFailureTest {
    private static final CheckpointDirectory CHECKPOINT = new CheckpointDirectory("file:/tmp/sluice-test/checkpoint", new Configuration());

    @Test
    void aCheckpointWrittenByAnotherBuildSaysWhatToDo() {
        SparkException unreadable = new SparkException("Failed to read checkpoint from directory file:/tmp/sluice-test/checkpoint/spark",
                new InvalidClassException("io.sluice.kafka.KafkaDecoder", "local class incompatible"));

        SluiceException failure = PipelineRunner.failure(unreadable, CHECKPOINT);

        assertThat(failure.kind()).isEqualTo(ErrorKind.USER);
        assertThat(failure).hasMessageContaining("[file:/tmp/sluice-test/checkpoint/spark] was written by another build")
                .hasMessageContaining("io.sluice.kafka.KafkaDecoder")
                .hasMessageContaining("move that directory aside");
    }

    @Test
    void aCheckpointSavingAFunctionThisBuildDoesNotHaveSaysWhatToDo() {
        // As Java reports a saved lambda its class no longer has.
        IllegalArgumentException rejected = new IllegalArgumentException("Invalid lambda deserialization");
        rejected.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.sluice.core.builtin.aggregate.AggregateTransform", "$deserializeLambda$", "AggregateTransform.java", 28)});
        InvalidObjectException lambda = new InvalidObjectException("ReflectiveOperationException during deserialization");
        lambda.initCause(new InvocationTargetException(rejected));
        SparkException unreadable = new SparkException("Failed to read checkpoint from directory file:/tmp/sluice-test/checkpoint/spark", lambda);

        SluiceException failure = PipelineRunner.failure(unreadable, CHECKPOINT);

        assertThat(failure.kind()).isEqualTo(ErrorKind.USER);
        assertThat(failure).hasMessageContaining("was written by another build")
                .hasMessageContaining("a function saved from io.sluice.core.builtin.aggregate.AggregateTransform is not in this build's")
                .hasMessageContaining("move that directory aside");
    }

    @Test
    void aCheckpointThatCannotBeReadForOtherReasonsStaysAFailure() {
        SparkException unreadable = new SparkException("Failed to read checkpoint from directory file:/tmp/sluice-test/checkpoint/spark",
                new IOException("connection refused"));

        SluiceException failure = PipelineRunner.failure(unreadable, CHECKPOINT);

        assertThat(failure.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(failure.getCause()).isSameAs(unreadable);
    }
}
