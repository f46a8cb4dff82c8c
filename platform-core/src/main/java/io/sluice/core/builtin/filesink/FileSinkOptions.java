package io.sluice.core.builtin.filesink;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;

import org.apache.hadoop.fs.Path;

import io.sluice.api.error.SluiceException;
import io.sluice.core.config.FileSystemLocations;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * The parsed options of a {@code file} sink. Immutable; shipped to executors in the writer factory.
 *
 * @param path the base directory URI
 * @param format the part files' format
 * @param header whether CSV part files start with a header row
 * @param fields which fields to write, in order; empty for every field in record order
 * @param compression the part files' compression
 */
public record FileSinkOptions(String path, FileSinkFormat format, boolean header, List<String> fields,
        FileSinkCompression compression) implements Serializable {
    static final OptionSpec<String> PATH = OptionSpec.string("path").required()
            .doc("Base directory, as a Hadoop file system URI (file:/data/out, hdfs://namenode:8020/out); "
                    + "each batch becomes a directory batch-<epochMillis> under it");
    static final OptionSpec<FileSinkFormat> FORMAT = OptionSpec.oneOf("format", FileSinkFormat.class)
            .defaultValue(FileSinkFormat.JSONL)
            .doc("jsonl writes one JSON object per line (timestamps as ISO-8601, bytes as base64); csv writes RFC 4180 rows");
    static final OptionSpec<Boolean> HEADER = OptionSpec.bool("header").defaultValue(false)
            .doc("For csv: start each part file with a row of field names");
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields")
            .doc("Fields to write, in this order (csv columns, jsonl keys); missing fields are written empty/null; "
                    + "default every field in record order, or the payload as [payload] for records without fields");
    static final OptionSpec<FileSinkCompression> COMPRESSION = OptionSpec.oneOf("compression", FileSinkCompression.class)
            .defaultValue(FileSinkCompression.NONE)
            .doc("none, or gzip to compress each part file (.gz)");

    static final OptionSpecs SPECS = OptionSpecs.of(PATH, FORMAT, HEADER, FIELDS, COMPRESSION);

    public FileSinkOptions {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(compression, "compression is null");
    }

    /**
     * Reads the options and checks them.
     *
     * @throws SluiceException (user) for a path that is not a valid URI or repeated field names
     */
    public static FileSinkOptions parse(Options options) {
        String path = options.get(PATH).trim();
        try {
            path = FileSystemLocations.absolute(path).toString();
            new Path(path);
        }
        catch (IllegalArgumentException e) {
            throw SluiceException.user("option [path] is not a valid file system URI: [" + path + "]: " + e.getMessage());
        }
        List<String> fields = options.find(FIELDS).orElse(List.of());
        if (new HashSet<>(fields).size() != fields.size()) {
            throw SluiceException.user("option [fields] names a field twice: " + fields);
        }
        boolean header = options.get(HEADER);
        FileSinkFormat format = options.get(FORMAT);
        if (header && format != FileSinkFormat.CSV) {
            throw SluiceException.user("option [header] applies to format [csv] only, but format is ["
                    + OptionSpec.enumName(format) + "]");
        }
        return new FileSinkOptions(path, format, header, fields, options.get(COMPRESSION));
    }
}
