package io.sluice.bench.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

import io.sluice.bench.LogLines;
import scala.Tuple2;

/**
 * What a user writes without Sluice, following the Spark + Kafka integration guide: a direct
 * stream, levels counted per batch with {@code reduceByKey}, the 10 s window derived from the
 * per-batch counts with the inverse-function {@code reduceByKeyAndWindow}, offsets committed to
 * the group after the outputs. Same Spark settings Sluice uses where they matter: {@code local[2]},
 * no UI, a checkpoint directory.
 */
public final class HandWrittenSparkJob {
    // Driver-side: filled by the output operations and the listener (static: the stream graph is checkpointed).
    private static final Map<String, Long> TOTALS = new TreeMap<>();
    private static final List<ChildReport.Batch> BATCHES = new ArrayList<>();

    private HandWrittenSparkJob() {
    }

    public static void run(JobSpec spec) throws InterruptedException {
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName("hand-written")
                .set("spark.ui.enabled", "false");
        if (!spec.catchUp()) {
            conf.set("spark.streaming.kafka.maxRatePerPartition", String.valueOf(spec.ratePerSecond() / spec.partitions()));
        }
        JavaStreamingContext context = new JavaStreamingContext(conf, Durations.milliseconds(JobSpec.BATCH_INTERVAL_MILLIS));
        context.checkpoint(spec.work().resolve("checkpoint").toString());

        Map<String, Object> kafka = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.GROUP_ID_CONFIG, spec.groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(context,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(spec.topic()), kafka));

        JavaPairDStream<String, Long> perBatch = stream
                .mapToPair(record -> new Tuple2<>(LogLines.levelOf(record.value()), 1L))
                .reduceByKey(Long::sum);
        JavaPairDStream<String, Long> perWindow = perBatch.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                Durations.seconds(10), Durations.seconds(1));
        perBatch.foreachRDD(rdd -> addToTotals(rdd.collectAsMap()));
        perWindow.print();
        stream.foreachRDD(rdd -> ((CanCommitOffsets) stream.inputDStream()).commitAsync(((HasOffsetRanges) rdd.rdd()).offsetRanges()));

        context.addStreamingListener(new BatchRecorder());
        ChildReport.printStarted();
        context.start();
        while (!finished(spec)) {
            context.awaitTerminationOrTimeout(50);
        }
        context.stop(true, false);
        report().print();
    }

    private static synchronized void addToTotals(Map<String, Long> counts) {
        counts.forEach((level, count) -> TOTALS.merge(level, count, Long::sum));
    }

    private static synchronized boolean finished(JobSpec spec) {
        return spec.catchUp()
                ? BATCHES.stream().mapToLong(ChildReport.Batch::records).sum() >= spec.expectedRecords()
                : BATCHES.size() >= spec.batches();
    }

    private static synchronized ChildReport report() {
        return new ChildReport(TOTALS.values().stream().mapToLong(Long::longValue).sum(), new TreeMap<>(TOTALS), List.copyOf(BATCHES));
    }

    private static final class BatchRecorder implements StreamingListener {
        private boolean first = true;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
            BatchInfo info = completed.batchInfo();
            if (first) {
                first = false;
                ChildReport.printFirstBatch();
            }
            if (info.numRecords() > 0) {
                synchronized (HandWrittenSparkJob.class) {
                    BATCHES.add(new ChildReport.Batch(info.numRecords(), (Long) info.processingDelay().get()));
                }
            }
        }
    }
}
