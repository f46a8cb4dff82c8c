package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;

/**
 * An {@code hdfs} sink on the driver. Per batch {@code T}, after every partition's writer committed:
 * <ol>
 * <li>for each partition directory the batch wrote, the committed attempt files (one per Spark
 *     partition; a duplicate attempt's are ignored) move into {@code _temporary/batch-T/_ready/<dirs>/},
 *     which gets a {@code _SUCCESS};</li>
 * <li>an existing {@code <dirs>/batch=T} (an earlier run of the batch) is deleted and the ready
 *     directory renamed to it: one directory rename, so readers see each partition directory's part
 *     of the batch whole or not at all (on file systems with atomic rename: HDFS, local);</li>
 * <li>{@code _temporary/batch-T} is deleted, with failed and speculative attempts' files.</li>
 * </ol>
 * A replayed batch therefore replaces its directories instead of adding a second copy; a repeated
 * {@code commitBatch} after a crash half way finishes what is left and does nothing once done.
 * This is the built-in {@code file} sink's protocol per partition directory; the code is separate
 * because sink modules do not depend on {@code platform-core}, and the layout (Hive-style
 * directories) and the Parquet writer differ.
 */
final class HdfsSink implements Sink {
    private final HdfsSinkOptions options;
    private final HdfsLayout layout;

    HdfsSink(HdfsSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.layout = new HdfsLayout(options);
    }

    @Override
    public PartitionWriterFactory writerFactory() {
        return new HdfsWriterFactory(options);
    }

    @Override
    public SinkDelivery delivery() {
        return SinkDelivery.IDEMPOTENT;
    }

    @Override
    public String describe() {
        return "hdfs sink replaces directories batch=<time> under [" + options.path() + "] when a batch is replayed";
    }

    @Override
    public void prepare() throws IOException {
        Path base = layout.base();
        if (!fileSystem(base).mkdirs(base)) {
            throw new IOException("hdfs sink cannot create directory [" + base + "]");
        }
    }

    @Override
    public void commitBatch(long batchTime, List<Serializable> messages) throws IOException {
        FileSystem fileSystem = fileSystem(layout.base());
        Map<Integer, HdfsCommit> commits = new LinkedHashMap<>();
        List<HdfsCommit> sorted = new ArrayList<>();
        messages.forEach(message -> sorted.add((HdfsCommit) requireNonNull(message, "message is null")));
        sorted.sort(Comparator.comparingInt(HdfsCommit::partitionId));
        sorted.forEach(commit -> commits.putIfAbsent(commit.partitionId(), commit));

        Set<String> directories = new LinkedHashSet<>();
        commits.values().forEach(commit -> directories.addAll(commit.partitionDirectories()));
        Path ready = layout.ready(batchTime);
        for (String directory : directories) {
            Path readyDirectory = directory.isEmpty() ? ready : new Path(ready, directory);
            boolean moved = false;
            for (HdfsCommit commit : commits.values()) {
                if (!commit.partitionDirectories().contains(directory)) {
                    continue;
                }
                String name = layout.partName(commit.partitionId());
                Path attemptDirectory = directory.isEmpty() ? new Path(commit.attempt()) : new Path(new Path(commit.attempt()), directory);
                Path source = new Path(attemptDirectory, name);
                if (fileSystem.exists(source)) {
                    mkdirs(fileSystem, readyDirectory);
                    Path destination = new Path(readyDirectory, name);
                    fileSystem.delete(destination, false);
                    if (!fileSystem.rename(source, destination)) {
                        throw new IOException("hdfs sink cannot move committed file [" + source + "] to [" + destination + "]");
                    }
                    moved = true;
                }
                else if (fileSystem.exists(new Path(readyDirectory, name))) {
                    moved = true;
                }
            }
            if (!moved) {
                // Moved into place by an earlier commitBatch of this batch that crashed before cleaning up.
                continue;
            }
            fileSystem.create(new Path(readyDirectory, HdfsLayout.SUCCESS), true).close();
            Path target = layout.batchDirectory(directory, batchTime);
            if (fileSystem.exists(target) && !fileSystem.delete(target, true)) {
                throw new IOException("hdfs sink cannot replace earlier output [" + target + "]");
            }
            mkdirs(fileSystem, target.getParent());
            if (!fileSystem.rename(readyDirectory, target)) {
                throw new IOException("hdfs sink cannot move [" + readyDirectory + "] to [" + target + "]");
            }
        }
        fileSystem.delete(layout.temporaryBatch(batchTime), true);
    }

    private static void mkdirs(FileSystem fileSystem, Path directory) throws IOException {
        if (!fileSystem.mkdirs(directory)) {
            throw new IOException("hdfs sink cannot create directory [" + directory + "]");
        }
    }

    private static FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(HdfsConfiguration.shared());
    }

    @Override
    public String toString() {
        return "HdfsSink" + options;
    }
}
