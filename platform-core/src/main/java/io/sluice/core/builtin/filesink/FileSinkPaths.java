package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;

import scala.Tuple2;

/**
 * Where the {@code file} sink puts things, in one place:
 * <pre>
 * path/batch-1764486005000/part-00000.jsonl      final, made visible by the driver
 * path/batch-1764486005000/_SUCCESS
 * path/_temporary/batch-1764486005000/attempt-7/part-00000.jsonl   written by one task attempt
 * path/_temporary/batch-1764486005000/_ready/    where the driver assembles the batch
 * </pre>
 * Serializable (strings only); file systems are looked up where they are used.
 */
final class FileSinkPaths implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String SUCCESS = "_SUCCESS";

    private final String base;
    private final String extension;

    FileSinkPaths(FileSinkOptions options) {
        requireNonNull(options, "options is null");
        this.base = options.path();
        this.extension = options.format().extension() + options.compression().extension();
    }

    Path base() {
        return new Path(base);
    }

    Path batchDirectory(long batchTime) {
        return new Path(base, "batch-" + batchTime);
    }

    Path temporaryBatchDirectory(long batchTime) {
        return new Path(new Path(base, "_temporary"), "batch-" + batchTime);
    }

    Path attemptFile(long batchTime, int partitionId, long attemptId) {
        return new Path(new Path(temporaryBatchDirectory(batchTime), "attempt-" + attemptId), partName(partitionId));
    }

    Path readyDirectory(long batchTime) {
        return new Path(temporaryBatchDirectory(batchTime), "_ready");
    }

    String partName(int partitionId) {
        return String.format(Locale.ROOT, "part-%05d%s", partitionId, extension);
    }

    /**
     * The file system of {@code path}, configured like Spark's Hadoop configuration
     * ({@code spark.hadoop.*} settings) when running inside Spark. Hadoop caches file systems per
     * JVM, so callers must not close what this returns.
     */
    static FileSystem fileSystem(Path path) throws IOException {
        Configuration configuration = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> setting : env.conf().getAllWithPrefix("spark.hadoop.")) {
                configuration.set(setting._1(), setting._2());
            }
        }
        return path.getFileSystem(configuration);
    }

    @Override
    public String toString() {
        return base + "/batch-<time>/part-NNNNN" + extension;
    }

}
