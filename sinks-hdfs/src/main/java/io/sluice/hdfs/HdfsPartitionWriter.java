package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.util.ReflectionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.api.sink.WriterContext;

/**
 * Writes one partition of one batch attempt: one file per partition directory under the attempt's
 * temporary directory, opened on its first record. Commit closes the files and tells the driver
 * where they are; abort deletes the attempt directory. Used by one thread; not serialized.
 */
final class HdfsPartitionWriter implements PartitionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(HdfsPartitionWriter.class);

    private final HdfsSinkOptions options;
    private final HdfsLayout layout;
    private final WriterContext context;
    private final Path attempt;
    private final Configuration conf;
    private final Map<String, HdfsFileWriter> files = new LinkedHashMap<>();
    private boolean closed;

    HdfsPartitionWriter(HdfsSinkOptions options, HdfsLayout layout, WriterContext context) {
        this.options = requireNonNull(options, "options is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.context = requireNonNull(context, "context is null");
        this.attempt = layout.attempt(context.batchTime(), context.attemptId());
        this.conf = HdfsConfiguration.shared();
    }

    @Override
    public void write(Record record) throws IOException {
        String directory = layout.partitionDirectory(record, context.batchTime());
        HdfsFileWriter file = files.get(directory);
        if (file == null) {
            file = open(directory);
            files.put(directory, file);
        }
        file.write(record);
    }

    @Override
    public Serializable commit() throws IOException {
        closeFiles();
        return files.isEmpty() ? null : new HdfsCommit(context.partitionId(), attempt.toString(), new ArrayList<>(files.keySet()));
    }

    @Override
    public void abort() {
        try {
            closeFiles();
        }
        catch (IOException e) {
            LOG.debug("hdfs sink: closing files of an aborted attempt failed: {}", e.toString());
        }
        try {
            attempt.getFileSystem(conf).delete(attempt, true);
        }
        catch (IOException e) {
            // The driver deletes the batch's whole temporary directory after the batch commits.
            LOG.debug("hdfs sink: deleting aborted attempt {} failed: {}", attempt, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        closeFiles();
    }

    private HdfsFileWriter open(String directory) throws IOException {
        Path parent = directory.isEmpty() ? attempt : new Path(attempt, directory);
        Path file = new Path(parent, layout.partName(context.partitionId()));
        if (options.format() == HdfsFormat.PARQUET) {
            return new HdfsParquetFileWriter(file, conf, options);
        }
        FileSystem fileSystem = file.getFileSystem(conf);
        OutputStream out = fileSystem.create(file, true);
        CompressionCodec codec = switch (options.compression()) {
            case NONE -> null;
            case GZIP -> ReflectionUtils.newInstance(GzipCodec.class, conf);
            case SNAPPY -> ReflectionUtils.newInstance(SnappyCodec.class, conf);
        };
        return new HdfsTextFileWriter(codec == null ? out : codec.createOutputStream(out), options);
    }

    private void closeFiles() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (HdfsFileWriter file : files.values()) {
            try {
                file.close();
            }
            catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
