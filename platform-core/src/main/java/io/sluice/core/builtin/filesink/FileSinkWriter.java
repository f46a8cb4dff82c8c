package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import io.sluice.api.record.Record;
import io.sluice.api.sink.PartitionWriter;
import io.sluice.core.builtin.json.RecordJson;

/**
 * Writes one partition of one batch attempt to its own attempt file under {@code _temporary}.
 * The file is created on the first record, so an empty partition leaves no file and commits
 * nothing. Used by one task thread on an executor; the file system is looked up here, never
 * shipped.
 */
final class FileSinkWriter implements PartitionWriter {
    private static final byte NEWLINE = '\n';

    private final FileSinkOptions options;
    private final Path file;
    private final int partitionId;
    private FileSystem fileSystem;
    private OutputStream out;

    FileSinkWriter(FileSinkOptions options, Path file, int partitionId) {
        this.options = requireNonNull(options, "options is null");
        this.file = requireNonNull(file, "file is null");
        this.partitionId = partitionId;
    }

    @Override
    public void write(Record record) throws IOException {
        if (out == null) {
            open(record);
        }
        switch (options.format()) {
            case JSONL -> RecordJson.write(project(record), out);
            case CSV -> writeCsvRow(values(record));
        }
        out.write(NEWLINE);
    }

    private void open(Record first) throws IOException {
        fileSystem = FileSinkPaths.fileSystem(file);
        // Overwrite: a retried attempt id never collides, but a rerun after a crash may find its own leftovers.
        out = new BufferedOutputStream(options.compression().wrap(fileSystem.create(file, true)), 64 * 1024);
        if (options.header()) {
            writeCsvRow(headerOf(first));
            out.write(NEWLINE);
        }
    }

    /** The header row: the chosen fields, else the first record's names, else the payload's column name. */
    private List<String> headerOf(Record first) {
        if (!options.fields().isEmpty()) {
            return options.fields();
        }
        return first.fieldCount() > 0 ? first.fieldNames() : List.of(RecordJson.PAYLOAD_FIELD);
    }

    /** The record as written to JSON: only the chosen fields, in order, when {@code fields} is set. */
    private Record project(Record record) {
        if (options.fields().isEmpty()) {
            return record;
        }
        Record.Builder projected = Record.builder();
        for (String field : options.fields()) {
            projected.field(field, record.get(field));
        }
        return projected.build();
    }

    /** The CSV cells: the chosen fields, else the record's own fields, else its payload. */
    private List<String> values(Record record) {
        if (options.fields().isEmpty() && record.fieldCount() == 0) {
            return List.of(String.valueOf(record.payloadAsString()));
        }
        List<String> names = options.fields().isEmpty() ? record.fieldNames() : options.fields();
        return names.stream().map(name -> cell(record.get(name))).toList();
    }

    private static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    /** RFC 4180: quote cells holding a comma, quote or line break, doubling quotes; empty strings quoted to tell them from nulls. */
    private void writeCsvRow(List<String> cells) throws IOException {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.isEmpty() || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                row.append('"').append(cell.replace("\"", "\"\"")).append('"');
            }
            else {
                row.append(cell);
            }
        }
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Serializable commit() throws IOException {
        if (out == null) {
            return null;
        }
        // Closing finishes the gzip trailer and completes the file on the file system.
        OutputStream finished = out;
        out = null;
        finished.close();
        return new FileSinkCommit(partitionId, file.toString());
    }

    @Override
    public void abort() {
        try {
            close();
        }
        catch (IOException | RuntimeException e) {
            // Best effort: the driver clears _temporary for the batch anyway.
        }
        try {
            if (fileSystem != null) {
                fileSystem.delete(file, false);
            }
        }
        catch (IOException | RuntimeException e) {
            // Best effort, as above.
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            OutputStream open = out;
            out = null;
            open.close();
        }
    }
}
