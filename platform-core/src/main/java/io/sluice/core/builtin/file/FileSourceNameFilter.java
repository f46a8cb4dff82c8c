package io.sluice.core.builtin.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.PathMatcher;
import java.nio.file.Paths;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;

/**
 * Picks the files a {@code file} source reads: names matching the glob, never hidden ones. Spark's
 * default filter skips names starting with {@code .}; giving our own filter drops that default,
 * so it is repeated here, with {@code _} added for {@code _SUCCESS} markers and {@code _temporary}
 * directories, so a writer can write {@code .name.tmp} and rename it in place.
 * Runs on the driver; serialized with the DStream graph into checkpoints.
 */
final class FileSourceNameFilter implements Function<Path, Boolean> {
    private static final long serialVersionUID = 1L;

    private final FileSourceOptions options;
    // PathMatcher is not serializable: rebuilt from the glob after a checkpoint recovery.
    private transient PathMatcher matcher;

    FileSourceNameFilter(FileSourceOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public Boolean call(Path path) {
        String name = path.getName();
        if (name.startsWith(".") || name.startsWith("_")) {
            return false;
        }
        // Called from the job generator thread only (FileInputDStream.compute), so no locking.
        if (matcher == null) {
            matcher = options.nameMatcher();
        }
        return matcher.matches(Paths.get(name));
    }
}
