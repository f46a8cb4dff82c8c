package io.sluice.core.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.sluice.core.config.FileSystemLocations;

/**
 * A pipeline's checkpoint directory on any Hadoop file system:
 * <ul>
 *   <li>{@code spark/}: Spark's own checkpoint (DStream graph, state), used by {@code getOrCreate};</li>
 *   <li>{@code positions/}: source positions after the last batch every sink wrote
 *       ({@link PositionStore}), kept apart so a changed pipeline can resume from them;</li>
 *   <li>{@code pipeline.fingerprint}: a digest of the pipeline file that made {@code spark/}.</li>
 * </ul>
 * A Spark checkpoint made by a different pipeline file cannot be trusted (Spark restores the old
 * graph and ignores the new file), so it is moved aside and the pipeline starts from its stored
 * positions instead.
 */
public final class CheckpointDirectory {
    private final Path root;
    private final Configuration hadoopConf;

    public CheckpointDirectory(String uri, Configuration hadoopConf) {
        requireNonNull(uri, "uri is null");
        this.root = new Path(FileSystemLocations.absolute(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri));
        this.hadoopConf = requireNonNull(hadoopConf, "hadoopConf is null");
    }

    /** Where Spark keeps its checkpoint. */
    public String sparkCheckpoint() {
        return new Path(root, "spark").toString();
    }

    public PositionStore positionStore() {
        return new PositionStore(new Path(root, "positions"), hadoopConf);
    }

    /** Whether Spark's checkpoint holds a graph to recover. */
    public boolean hasSparkCheckpoint() {
        try {
            Path spark = new Path(root, "spark");
            FileSystem fs = spark.getFileSystem(hadoopConf);
            if (!fs.exists(spark)) {
                return false;
            }
            for (var status : fs.listStatus(spark)) {
                if (status.getPath().getName().startsWith("checkpoint-")) {
                    return true;
                }
            }
            return false;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint directory " + root, e);
        }
    }

    /** The fingerprint of the pipeline file that made the Spark checkpoint, if recorded. */
    public Optional<String> fingerprint() {
        Path file = new Path(root, "pipeline.fingerprint");
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(new String(in.readAllBytes(), UTF_8).trim());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public void writeFingerprint(String fingerprint) {
        Path file = new Path(root, "pipeline.fingerprint");
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            try (OutputStream out = fs.create(file, true)) {
                out.write(fingerprint.getBytes(UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Moves the Spark checkpoint aside (kept for inspection) so the next start plans afresh. */
    public String moveSparkCheckpointAside(long now) {
        Path spark = new Path(root, "spark");
        Path aside = new Path(root, "spark.replaced-" + now);
        try {
            FileSystem fs = spark.getFileSystem(hadoopConf);
            if (!fs.rename(spark, aside)) {
                throw new IOException("rename returned false");
            }
            return aside.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + spark + " aside", e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
