package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.record.FieldType;

/**
 * The parsed options of an {@code hdfs} sink. Immutable; shipped to executors in the writer factory.
 *
 * @param path the base directory URI
 * @param format the files' format
 * @param compression the files' compression
 * @param header whether CSV files start with a row of field names
 * @param fields the fields written, in order; empty for every field of each file's first record
 * @param schema declared field types (Parquet), by field, in order; empty to infer from each file's first record
 * @param partitionBy fields whose values name directories ({@code level=WARN}); not written into the files
 * @param timePartitioning date directories, or none
 * @param timeField the field holding the time for date directories; null for the record's event time
 */
record HdfsSinkOptions(String path, HdfsFormat format, HdfsCompression compression, boolean header, List<String> fields,
        Map<String, FieldType> schema, List<String> partitionBy, HdfsTimePartitioning timePartitioning, String timeField)
        implements Serializable {
    static final OptionSpec<String> PATH = OptionSpec.string("path").required()
            .doc("Base directory as a Hadoop file system URI (hdfs://namenode:8020/out, file:/data/out); batches land in "
                    + "[<partition dirs>/]batch=<epochMillis>/ under it");
    static final OptionSpec<HdfsFormat> FORMAT = OptionSpec.oneOf("format", HdfsFormat.class).defaultValue(HdfsFormat.JSONL)
            .doc("jsonl (one JSON object per line), csv (RFC 4180) or parquet");
    static final OptionSpec<HdfsCompression> COMPRESSION = OptionSpec.oneOf("compression", HdfsCompression.class)
            .defaultValue(HdfsCompression.NONE)
            .doc("none, gzip or snappy: whole files for jsonl and csv (.gz, .snappy), pages for parquet");
    static final OptionSpec<Boolean> HEADER = OptionSpec.bool("header").defaultValue(false)
            .doc("For csv: start each file with a row of field names");
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields")
            .doc("Fields to write, in order; default every field of each file's first record (with schema: the schema's fields)");
    static final OptionSpec<List<String>> SCHEMA = OptionSpec.stringList("schema")
            .doc("Declared field types as [field type], type one of string, long, double, boolean, timestamp, bytes; "
                    + "for parquet, default inferred from each file's first record (a null there becomes string)");
    static final OptionSpec<List<String>> PARTITION_BY = OptionSpec.stringList("partition-by")
            .doc("Fields whose values name directories, Hive style (level=WARN/); these fields are not written into the files");
    static final OptionSpec<HdfsTimePartitioning> PARTITION_BY_TIME = OptionSpec.oneOf("partition-by-time", HdfsTimePartitioning.class)
            .defaultValue(HdfsTimePartitioning.NONE)
            .doc("Date directories in UTC: day (dt=2026-11-30/) or hour (dt=2026-11-30/hour=05/), after the partition-by ones");
    static final OptionSpec<String> TIME_FIELD = OptionSpec.string("time-field")
            .doc("For partition-by-time: a timestamp (or epoch millis) field; default the record's event time, else the batch time");

    static final OptionSpecs SPECS = OptionSpecs.of(PATH, FORMAT, COMPRESSION, HEADER, FIELDS, SCHEMA, PARTITION_BY,
            PARTITION_BY_TIME, TIME_FIELD);

    HdfsSinkOptions {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(compression, "compression is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        schema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(schema, "schema is null")));
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        requireNonNull(timePartitioning, "timePartitioning is null");
    }

    /**
     * Reads the options and checks the rules between them.
     *
     * @throws SluiceException (user) naming every problem's option
     */
    static HdfsSinkOptions parse(Options options) {
        List<String> problems = new ArrayList<>();
        String path = absolute(options.get(PATH).trim(), problems);
        HdfsFormat format = options.get(FORMAT);
        boolean header = options.get(HEADER);
        if (header && format != HdfsFormat.CSV) {
            problems.add("option [header] applies to format [csv] only");
        }
        Map<String, FieldType> schema = new LinkedHashMap<>();
        for (String entry : options.find(SCHEMA).orElse(List.of())) {
            String[] parts = entry.trim().split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected [field type]");
                }
                schema.put(parts[0], FieldType.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException e) {
                problems.add("option [schema] entries must read [field type] with type one of string, long, double, boolean, "
                        + "timestamp, bytes; got [" + entry + "]");
            }
        }
        List<String> fields = options.find(FIELDS).orElse(List.copyOf(schema.keySet()));
        if (new HashSet<>(fields).size() != fields.size()) {
            problems.add("option [fields] names a field twice: " + fields);
        }
        if (!schema.isEmpty() && !schema.keySet().containsAll(fields)) {
            problems.add("option [schema] must declare every field of [fields] " + fields);
        }
        List<String> partitionBy = options.find(PARTITION_BY).orElse(List.of());
        for (String field : partitionBy) {
            if (fields.contains(field)) {
                problems.add("option [partition-by] field [" + field + "] names directories and is not written into files; "
                        + "remove it from [fields]");
            }
        }
        HdfsTimePartitioning time = options.get(PARTITION_BY_TIME);
        String timeField = options.find(TIME_FIELD).orElse(null);
        if (timeField != null && time == HdfsTimePartitioning.NONE) {
            problems.add("option [time-field] applies only with [partition-by-time] day or hour");
        }
        if (!problems.isEmpty()) {
            throw SluiceException.user(String.join("; ", problems));
        }
        return new HdfsSinkOptions(path, format, options.get(COMPRESSION), header, fields, schema, partitionBy, time, timeField);
    }

    /** A URI with a scheme; a bare or relative path is taken as a local one, absolute on the driver. */
    private static String absolute(String path, List<String> problems) {
        try {
            URI uri = new URI(path);
            if (uri.getScheme() == null) {
                return Path.of(path).toAbsolutePath().normalize().toUri().toString();
            }
            if (uri.getScheme().equals("file") && uri.getSchemeSpecificPart() != null && !uri.getSchemeSpecificPart().startsWith("/")) {
                return Path.of(uri.getSchemeSpecificPart()).toAbsolutePath().normalize().toUri().toString();
            }
            return path;
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            problems.add("option [path] is not a valid file system URI: [" + path + "]");
            return path;
        }
    }
}
