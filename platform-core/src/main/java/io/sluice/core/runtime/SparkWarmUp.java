package io.sluice.core.runtime;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.record.Record;
import io.sluice.core.plan.MappingIterator;
import io.sluice.core.plan.Rdds;
import scala.Tuple2;

/**
 * One small job run as a pipeline starts, in the time it waits anyway (for its sources' checks,
 * and for the first batch interval to end). Spark's first job in a JVM, or on fresh executors,
 * loads and compiles the scheduler, task serialization, the shuffle, Kryo with Sluice's record
 * serializer, and fetches the application's jars; without this all of that falls into the first
 * batch. Best effort: a failure (a stop while it runs) changes nothing.
 */
final class SparkWarmUp {
    static final String DESCRIPTION = "sluice: warm-up";
    private static final Logger LOG = LoggerFactory.getLogger(SparkWarmUp.class);

    private SparkWarmUp() {
    }

    /** Runs the job on a daemon thread of its own. */
    static void start(SparkContext spark, ClassLoader pluginLoader) {
        Thread thread = new Thread(() -> run(spark), "sluice-spark-warm-up");
        thread.setContextClassLoader(pluginLoader);
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(SparkContext spark) {
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark);
            context.setJobDescription(DESCRIPTION);
            int partitions = spark.defaultParallelism();
            // A shuffle of records, as a keyed step does: every executor runs a map and a reduce task.
            // Made as the pipeline's batches make theirs (Rdds), so it warms the same code.
            List<Integer> numbers = IntStream.range(0, partitions * 64).boxed().toList();
            JavaPairRDD<Integer, Record> records = Rdds.mapPartitionsToPair(context.parallelize(numbers, partitions),
                    each -> new MappingIterator<>(each, n -> new Tuple2<>(n % partitions, Record.builder().field("n", (long) n).build())), false);
            Rdds.runPerPartition(Rdds.reduceByKey(records, (a, b) -> a, new HashPartitioner(partitions)), (task, rows) -> rows.hasNext());
        }
        catch (RuntimeException e) {
            LOG.debug("The warm-up job did not complete: {}", e.toString());
        }
    }
}
