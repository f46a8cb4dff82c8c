package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;

/**
 * A {@code file} sink on the driver. The commit protocol, per batch:
 * <ol>
 * <li>each task attempt writes {@code _temporary/batch-T/attempt-A/part-P}; its commit returns that path;</li>
 * <li>{@link #commitBatch} moves the committed attempt files, one per partition, into
 *     {@code _temporary/batch-T/_ready/} under their final names, and writes {@code _SUCCESS} there;</li>
 * <li>it deletes an existing {@code batch-T} (an earlier run of the same batch) and renames
 *     {@code _ready} to {@code batch-T}, a single directory rename, so readers see all of the
 *     batch or none of it (on file systems with atomic rename: HDFS, local);</li>
 * <li>it deletes {@code _temporary/batch-T}, taking failed and speculative attempts' files with it.</li>
 * </ol>
 * {@code _temporary} itself stays: writers of the next batch may be creating files under it, and
 * readers skip names starting with {@code _}, as Hadoop and Spark do.
 * A replayed batch therefore replaces its directory instead of adding a second copy. A repeated
 * {@code commitBatch} for files already moved finds {@code batch-T/_SUCCESS} and does nothing.
 */
public final class FileSink implements Sink {
    private final FileSinkOptions options;
    private final FileSinkPaths paths;

    FileSink(FileSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.paths = new FileSinkPaths(options);
    }

    @Override
    public PartitionWriterFactory writerFactory() {
        return new FileSinkWriterFactory(options, paths);
    }

    @Override
    public SinkDelivery delivery() {
        return SinkDelivery.IDEMPOTENT;
    }

    @Override
    public String describe() {
        return "file sink replaces directory batch-<time> under [" + options.path() + "] when a batch is replayed";
    }

    @Override
    public void prepare() throws IOException {
        Path base = paths.base();
        FileSystem fileSystem = FileSinkPaths.fileSystem(base);
        if (!fileSystem.mkdirs(base)) {
            throw new IOException("file sink cannot create directory [" + base + "]");
        }
    }

    @Override
    public void commitBatch(long batchTime, List<Serializable> messages) throws IOException {
        requireNonNull(messages, "messages is null");
        Map<Integer, Path> files = committedFiles(messages);
        Path target = paths.batchDirectory(batchTime);
        Path temporary = paths.temporaryBatchDirectory(batchTime);
        FileSystem fileSystem = FileSinkPaths.fileSystem(target);

        boolean anyPresent = false;
        for (Path file : files.values()) {
            anyPresent |= fileSystem.exists(file);
        }
        if (!anyPresent && !files.isEmpty() && fileSystem.exists(new Path(target, FileSinkPaths.SUCCESS))) {
            // Done before: a repeated commitBatch; only the cleanup may be missing.
            fileSystem.delete(temporary, true);
            return;
        }

        // Assemble in _ready. A commit that crashed half way may have moved some files there
        // already: keep those, move the rest, and drop anything this batch did not commit.
        Path ready = paths.readyDirectory(batchTime);
        if (!fileSystem.mkdirs(ready)) {
            throw new IOException("file sink cannot create directory [" + ready + "]");
        }
        Set<String> names = new HashSet<>();
        for (Map.Entry<Integer, Path> part : files.entrySet()) {
            Path source = part.getValue();
            Path destination = new Path(ready, paths.partName(part.getKey()));
            names.add(destination.getName());
            if (fileSystem.exists(source)) {
                fileSystem.delete(destination, false);
                if (!fileSystem.rename(source, destination)) {
                    throw new IOException("file sink cannot move committed file [" + source + "] to [" + destination + "]");
                }
            }
            else if (!fileSystem.exists(destination)) {
                throw new IOException("file sink cannot find committed file [" + source + "] of batch [" + batchTime
                        + "]; was the _temporary directory removed while the batch ran?");
            }
        }
        for (FileStatus leftover : fileSystem.listStatus(ready)) {
            String name = leftover.getPath().getName();
            if (!names.contains(name) && !name.startsWith(".")) {
                fileSystem.delete(leftover.getPath(), true);
            }
        }
        fileSystem.create(new Path(ready, FileSinkPaths.SUCCESS), true).close();
        if (fileSystem.exists(target) && !fileSystem.delete(target, true)) {
            throw new IOException("file sink cannot replace earlier output [" + target + "]");
        }
        if (!fileSystem.rename(ready, target)) {
            throw new IOException("file sink cannot move [" + ready + "] to [" + target + "]");
        }
        fileSystem.delete(temporary, true);
    }

    /** One attempt file per partition, by partition id; a duplicate (a second attempt that also committed) is ignored. */
    private static Map<Integer, Path> committedFiles(List<Serializable> messages) {
        List<FileSinkCommit> commits = new ArrayList<>(messages.size());
        for (Serializable message : messages) {
            commits.add((FileSinkCommit) requireNonNull(message, "message is null"));
        }
        commits.sort(Comparator.comparingInt(FileSinkCommit::partitionId));
        Map<Integer, Path> files = new LinkedHashMap<>();
        for (FileSinkCommit commit : commits) {
            files.putIfAbsent(commit.partitionId(), new Path(commit.file()));
        }
        return files;
    }

    @Override
    public String toString() {
        return "FileSink" + options;
    }
}
