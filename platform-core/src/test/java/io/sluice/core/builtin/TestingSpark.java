package io.sluice.core.builtin;

import java.time.Duration;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * A local[2] Spark for one test class: start it in {@code @BeforeAll}, {@link #close} it in
 * {@code @AfterAll}. Stopping runs on its own thread with a bounded wait, because a streaming
 * context's stop can hang (a receiver that does not stop, a job that does not finish).
 */
@SuppressWarnings("deprecation")
public final class TestingSpark implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final JavaSparkContext spark;
    private JavaStreamingContext streaming;

    private TestingSpark(JavaSparkContext spark) {
        this.spark = spark;
    }

    public static TestingSpark start(Class<?> testClass) {
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName(testClass.getSimpleName())
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.receiverRestartDelay", "200");
        return new TestingSpark(new JavaSparkContext(conf));
    }

    public JavaSparkContext sparkContext() {
        return spark;
    }

    /** The streaming context of this class, created on first use. */
    public synchronized JavaStreamingContext streamingContext(Duration batchInterval) {
        if (streaming == null) {
            streaming = new JavaStreamingContext(spark, org.apache.spark.streaming.Durations.milliseconds(batchInterval.toMillis()));
        }
        return streaming;
    }

    @Override
    public void close() {
        Thread stopper = new Thread(() -> {
            if (streaming != null) {
                streaming.stop(true, false);
            }
            else {
                spark.stop();
            }
        }, "testing-spark-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_TIMEOUT.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping Spark", e);
        }
        if (stopper.isAlive()) {
            throw new IllegalStateException("Spark did not stop within " + STOP_TIMEOUT);
        }
    }
}
