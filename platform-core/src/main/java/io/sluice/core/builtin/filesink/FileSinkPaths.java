package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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
    // The last Spark settings a configuration was parsed for: one per JVM, as one pipeline runs in it at a time.
    private static volatile Parsed lastParsed;

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
        return path.getFileSystem(configuration());
    }

    /**
     * A copy of a configuration made once per set of {@code spark.hadoop.*} settings: a new
     * {@link Configuration} parses Hadoop's default XML files again when first read (4 to 9 ms
     * here), and every partition writer and batch commit asks for one; a copy takes a tenth of a
     * millisecond.
     */
    private static Configuration configuration() {
        Map<String, String> settings = new HashMap<>();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> setting : env.conf().getAllWithPrefix("spark.hadoop.")) {
                settings.put(setting._1(), setting._2());
            }
        }
        Parsed parsed = lastParsed;
        if (parsed == null || !parsed.settings().equals(settings)) {
            Configuration configuration = new Configuration();
            settings.forEach(configuration::set);
            // Parsed now, not at a copy's first read: a copy of an unread configuration parses again.
            configuration.size();
            parsed = new Parsed(Map.copyOf(settings), configuration);
            lastParsed = parsed;
        }
        Configuration copy = new Configuration(parsed.configuration());
        // As a new one would: classes it names (file system implementations) resolve through this thread's loader.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            copy.setClassLoader(loader);
        }
        return copy;
    }

    private record Parsed(Map<String, String> settings, Configuration configuration) {
    }

    @Override
    public String toString() {
        return base + "/batch-<time>/part-NNNNN" + extension;
    }

}
