package io.sluice.core.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaRDDLike;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaDStreamLike;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.dstream.DStream;

import scala.Tuple2;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The stream operations the planner and the built-in steps build a pipeline's graph with, made,
 * as {@link Rdds} makes its RDD operations, without Spark's closure cleaner having a class to read:
 * the Java API's {@code transform} and {@code foreachRDD} each give it a Scala lambda declared in
 * JavaDStreamLike (44 KB), read and parsed once per call, on the main thread, as a pipeline starts.
 * Each behaves as the Java API's method of the same name.
 */
public final class DStreams {
    private DStreams() {
    }

    /** {@code stream.transform(function)}: each batch's RDD to another. */
    public static <T, R extends JavaRDDLike<T, R>, U> JavaDStream<U> transform(JavaDStreamLike<T, ?, R> stream,
            Function2<R, Time, JavaRDD<U>> function) {
        DStream<U> transformed = stream.dstream().transform(new Transform<>(stream, function), Rdds.anyRef());
        return new JavaDStream<>(transformed, Rdds.anyRef());
    }

    /** {@code stream.transformToPair(function)}: each batch's RDD to a pair RDD. */
    public static <T, R extends JavaRDDLike<T, R>, K, V> JavaPairDStream<K, V> transformToPair(JavaDStreamLike<T, ?, R> stream,
            Function2<R, Time, JavaPairRDD<K, V>> function) {
        DStream<Tuple2<K, V>> transformed = stream.dstream().transform(new Transform<>(stream, function), Rdds.anyRef());
        return new JavaPairDStream<>(transformed, Rdds.anyRef(), Rdds.anyRef());
    }

    /** {@code stream.foreachRDD(action)}: an output operation, run on the driver for each batch. */
    public static <T, R extends JavaRDDLike<T, R>> void foreachBatch(JavaDStreamLike<T, ?, R> stream, VoidFunction2<R, Time> action) {
        stream.dstream().foreachRDD(new ForEach<>(stream, action));
    }

    /** Holds the Java stream, as Spark's own wrapper does, to wrap each batch's RDD in the Java type the function takes. */
    private static final class Transform<T, R extends JavaRDDLike<T, R>, U> extends AbstractFunction2<RDD<T>, Time, RDD<U>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final JavaDStreamLike<T, ?, R> stream;
        private final Function2<R, Time, ? extends JavaRDDLike<U, ?>> function;

        Transform(JavaDStreamLike<T, ?, R> stream, Function2<R, Time, ? extends JavaRDDLike<U, ?>> function) {
            this.stream = requireNonNull(stream, "stream is null");
            this.function = requireNonNull(function, "function is null");
        }

        @Override
        public RDD<U> apply(RDD<T> rdd, Time time) {
            try {
                return function.call(stream.wrapRDD(rdd), time).rdd();
            }
            catch (Exception e) {
                throw Rdds.sneaky(e);
            }
        }
    }

    private static final class ForEach<T, R extends JavaRDDLike<T, R>> extends AbstractFunction2<RDD<T>, Time, BoxedUnit>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final JavaDStreamLike<T, ?, R> stream;
        private final VoidFunction2<R, Time> action;

        ForEach(JavaDStreamLike<T, ?, R> stream, VoidFunction2<R, Time> action) {
            this.stream = requireNonNull(stream, "stream is null");
            this.action = requireNonNull(action, "action is null");
        }

        @Override
        public BoxedUnit apply(RDD<T> rdd, Time time) {
            try {
                action.call(stream.wrapRDD(rdd), time);
                return BoxedUnit.UNIT;
            }
            catch (Exception e) {
                throw Rdds.sneaky(e);
            }
        }
    }
}
