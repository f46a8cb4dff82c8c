package io.sluice.core.plan;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;

/**
 * A Spark listener (option {@code spark.extraListeners}) counting, per application, the stages
 * that wrote shuffle data: one per shuffle a batch's jobs ran. The runner's warm-up job is left out.
 */
public final class TestingShuffleWrites extends SparkListener {
    private static final Map<String, AtomicInteger> STAGES = new ConcurrentHashMap<>();

    private final AtomicInteger stages;
    private final Set<Integer> warmUpStages = ConcurrentHashMap.newKeySet();

    public TestingShuffleWrites(SparkConf conf) {
        this.stages = STAGES.computeIfAbsent(conf.get("spark.app.name"), name -> new AtomicInteger());
    }

    /** Stages that wrote shuffle records in the application of pipeline {@code pipelineName}. */
    public static int stagesOf(String pipelineName) {
        AtomicInteger stages = STAGES.get("sluice-" + pipelineName);
        return stages == null ? 0 : stages.get();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        if (submitted.properties() != null && "sluice: warm-up".equals(submitted.properties().getProperty("spark.job.description"))) {
            warmUpStages.add(submitted.stageInfo().stageId());
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        if (!warmUpStages.contains(completed.stageInfo().stageId())
                && completed.stageInfo().taskMetrics().shuffleWriteMetrics().recordsWritten() > 0) {
            stages.incrementAndGet();
        }
    }
}
