package io.sluice.core.builtin.file;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.NewHadoopRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.UnionRDD;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Turns one batch of Spark's file stream into records that know their file.
 *
 * <p>Why this way: the pairs a file stream yields carry only the byte offset and the line, not
 * the file. Spark builds each batch as a {@link UnionRDD} with one {@link NewHadoopRDD} per new
 * file, and {@code NewHadoopRDD.mapPartitionsWithInputSplit} hands each partition its
 * {@code FileSplit}, which names the file. So this function, run on the driver by
 * {@code transform} as each batch is generated (and again when a batch is restored from a
 * checkpoint, which rebuilds the same shape), maps each file's RDD with its split and unions the
 * results. It stays on Spark's public (developer) API, reads each file once, and needs no
 * second listing of the directory ({@code wholeTextFiles} would re-list and hold whole files in
 * memory). If a future Spark builds batches differently this fails loudly rather than
 * producing records without a file.
 *
 * <p>Serialized with the DStream graph into checkpoints; holds only the source name.
 */
final class FileSourceBatchReader implements Function<JavaPairRDD<LongWritable, Text>, JavaRDD<Record>> {
    private static final long serialVersionUID = 1L;
    private static final ClassTag<LongWritable> OFFSET_TAG = ClassTag$.MODULE$.apply(LongWritable.class);
    private static final ClassTag<Text> LINE_TAG = ClassTag$.MODULE$.apply(Text.class);
    private static final ClassTag<Record> RECORD_TAG = ClassTag$.MODULE$.apply(Record.class);

    private final String sourceName;

    FileSourceBatchReader(String sourceName) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
    }

    @Override
    public JavaRDD<Record> call(JavaPairRDD<LongWritable, Text> batch) {
        RDD<?> rdd = batch.rdd();
        if (!(rdd instanceof UnionRDD<?> union)) {
            throw unexpected(rdd);
        }
        FileSourceSplitReader reader = new FileSourceSplitReader(sourceName);
        List<RDD<Record>> files = new ArrayList<>();
        for (RDD<?> file : JavaConverters.seqAsJavaList(union.rdds())) {
            if (!(file instanceof NewHadoopRDD<?, ?>)) {
                throw unexpected(file);
            }
            @SuppressWarnings("unchecked")
            NewHadoopRDD<LongWritable, Text> hadoopFile = (NewHadoopRDD<LongWritable, Text>) file;
            files.add(new JavaNewHadoopRDD<>(hadoopFile, OFFSET_TAG, LINE_TAG)
                    .mapPartitionsWithInputSplit(reader, true)
                    .rdd());
        }
        UnionRDD<Record> records = new UnionRDD<>(rdd.sparkContext(), JavaConverters.asScalaBuffer(files).toSeq(), RECORD_TAG);
        return JavaRDD.fromRDD(records, RECORD_TAG);
    }

    private static SluiceException unexpected(RDD<?> rdd) {
        return SluiceException.internal("file source expected Spark's file stream to build a batch as a union of "
                + "NewHadoopRDDs, got [" + rdd.getClass().getName() + "]; this Spark version is not supported", null);
    }
}
