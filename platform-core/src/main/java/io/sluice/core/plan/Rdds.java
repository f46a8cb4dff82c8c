package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.Aggregator;
import org.apache.spark.InterruptibleIterator;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaRDDLike;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.ShuffledRDD;

import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;

/**
 * The RDD operations the runtime and the built-in steps run for every batch, made without Spark's
 * closure cleaner having anything to read.
 *
 * <p>Spark cleans every function an RDD operation is given, and its Java API hands it a Scala
 * lambda wrapping the Java one. For each such lambda the cleaner reads the class that declared it
 * (JavaRDDLike, PairRDDFunctions, RDD, SparkContext: 60 to 190 KB each) from its jar and parses it,
 * on the driver, every time: about twenty times a batch for the log-level pipeline, a third to one
 * millisecond each when warm and several when cold, and at start-up the JIT compiles that parser
 * too. Here the functions are named classes, which the cleaner passes over at once; each operation
 * behaves as the Java API's of the same name.
 */
public final class Rdds {
    private Rdds() {
    }

    /** {@code rdd.mapPartitions(function, preservesPartitioning)}. */
    public static <T, U> JavaRDD<U> mapPartitions(JavaRDDLike<T, ?> rdd, FlatMapFunction<Iterator<T>, U> function,
            boolean preservesPartitioning) {
        RDD<U> mapped = rdd.rdd().mapPartitions(new PartitionFunction<>(function), preservesPartitioning, anyRef());
        return new JavaRDD<>(mapped, anyRef());
    }

    /** {@code rdd.mapPartitionsToPair(function, preservesPartitioning)}. */
    public static <T, K, V> JavaPairRDD<K, V> mapPartitionsToPair(JavaRDDLike<T, ?> rdd, PairFlatMapFunction<Iterator<T>, K, V> function,
            boolean preservesPartitioning) {
        RDD<Tuple2<K, V>> mapped = rdd.rdd().mapPartitions(new PartitionFunction<>(function::call), preservesPartitioning, anyRef());
        return new JavaPairRDD<>(mapped, anyRef(), anyRef());
    }

    /**
     * {@code pairs.reduceByKey(reduce, partitioner)}: values combined per key before the shuffle,
     * and no shuffle when {@code pairs} are already placed by {@code partitioner}.
     */
    public static <K, V> JavaPairRDD<K, V> reduceByKey(JavaPairRDD<K, V> pairs, Function2<V, V, V> reduce, Partitioner partitioner) {
        Reduce<V> reduceFunction = new Reduce<>(reduce);
        Aggregator<K, V, V> aggregator = new Aggregator<>(new Identity<>(), reduceFunction, reduceFunction);
        RDD<Tuple2<K, V>> input = pairs.rdd();
        RDD<Tuple2<K, V>> reduced;
        if (input.partitioner().contains(partitioner)) {
            reduced = input.mapPartitions(new CombineByKey<>(aggregator), true, anyRef());
        }
        else {
            reduced = new ShuffledRDD<K, V, V>(input, partitioner, anyRef(), anyRef(), anyRef())
                    .setAggregator(aggregator)
                    .setMapSideCombine(true);
        }
        return new JavaPairRDD<>(reduced, anyRef(), anyRef());
    }

    /**
     * Runs {@code task} on every partition of {@code rdd} as one job and returns its results in
     * partition order, as {@code mapPartitionsWithIndex} with one result each and {@code collect()}.
     */
    public static <T, U> List<U> runPerPartition(JavaRDDLike<T, ?> rdd, PartitionTask<T, U> task) {
        Object results = rdd.context().runJob(rdd.rdd(), new TaskFunction<>(task), Rdds.<U>anyRef());
        @SuppressWarnings("unchecked")
        List<U> list = (List<U>) Arrays.asList((Object[]) results);
        return list;
    }

    /** The work of {@link #runPerPartition} on one partition; runs on an executor. */
    @FunctionalInterface
    public interface PartitionTask<T, U> extends Serializable {
        U run(TaskContext task, Iterator<T> records) throws Exception;
    }

    /** The class tag Spark's Java API gives every type: records are objects. */
    @SuppressWarnings("unchecked")
    static <T> ClassTag<T> anyRef() {
        return (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
    }

    private static final class PartitionFunction<T, U> extends AbstractFunction1<scala.collection.Iterator<T>, scala.collection.Iterator<U>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final FlatMapFunction<Iterator<T>, U> function;

        PartitionFunction(FlatMapFunction<Iterator<T>, U> function) {
            this.function = requireNonNull(function, "function is null");
        }

        @Override
        public scala.collection.Iterator<U> apply(scala.collection.Iterator<T> records) {
            try {
                return JavaConverters.asScalaIteratorConverter(function.call(JavaConverters.asJavaIteratorConverter(records).asJava())).asScala();
            }
            catch (Exception e) {
                throw sneaky(e);
            }
        }
    }

    private static final class TaskFunction<T, U> extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, U> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PartitionTask<T, U> task;

        TaskFunction(PartitionTask<T, U> task) {
            this.task = requireNonNull(task, "task is null");
        }

        @Override
        public U apply(TaskContext context, scala.collection.Iterator<T> records) {
            try {
                return task.run(context, JavaConverters.asJavaIteratorConverter(records).asJava());
            }
            catch (Exception e) {
                throw sneaky(e);
            }
        }
    }

    private static final class Reduce<V> extends AbstractFunction2<V, V, V> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Function2<V, V, V> reduce;

        Reduce(Function2<V, V, V> reduce) {
            this.reduce = requireNonNull(reduce, "reduce is null");
        }

        @Override
        public V apply(V left, V right) {
            try {
                return reduce.call(left, right);
            }
            catch (Exception e) {
                throw sneaky(e);
            }
        }
    }

    private static final class Identity<V> extends AbstractFunction1<V, V> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public V apply(V value) {
            return value;
        }
    }

    /** What Spark's combineByKey runs on input already placed by the partitioner: one map per partition, no shuffle. */
    private static final class CombineByKey<K, V> extends AbstractFunction1<scala.collection.Iterator<Tuple2<K, V>>, scala.collection.Iterator<Tuple2<K, V>>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Aggregator<K, V, V> aggregator;

        CombineByKey(Aggregator<K, V, V> aggregator) {
            this.aggregator = requireNonNull(aggregator, "aggregator is null");
        }

        @Override
        public scala.collection.Iterator<Tuple2<K, V>> apply(scala.collection.Iterator<Tuple2<K, V>> pairs) {
            TaskContext context = TaskContext.get();
            return new InterruptibleIterator<>(context, aggregator.combineValuesByKey(pairs, context));
        }
    }

    /** Rethrows a checked exception from a Java function unchanged, as Spark's Java API does. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
