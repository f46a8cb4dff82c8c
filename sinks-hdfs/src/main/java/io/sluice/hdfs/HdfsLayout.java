package io.sluice.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.hadoop.fs.Path;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Record;

/**
 * Where files go. Final: {@code <path>/[<field>=<value>/...][dt=<day>/[hour=<hh>/]]batch=<epochMillis>/part-<partition>.<ext>},
 * Hive style, so Spark, Hive and Trino discover {@code batch}, the fields and the dates as partition
 * columns. Temporary: {@code <path>/_temporary/batch-<time>/attempt-<id>/<partition dirs>/part-...}, and
 * {@code _ready/} beside the attempts while the driver assembles a batch. Names starting with
 * {@code _} are skipped by Hadoop's and Spark's readers. Immutable.
 */
final class HdfsLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String TEMPORARY = "_temporary";
    static final String SUCCESS = "_SUCCESS";
    /** Hive's name for a null partition value. */
    static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final HdfsSinkOptions options;

    HdfsLayout(HdfsSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    Path base() {
        return new Path(options.path());
    }

    Path temporaryBatch(long batchTime) {
        return new Path(new Path(base(), TEMPORARY), "batch-" + batchTime);
    }

    Path attempt(long batchTime, long attemptId) {
        return new Path(temporaryBatch(batchTime), "attempt-" + attemptId);
    }

    Path ready(long batchTime) {
        return new Path(temporaryBatch(batchTime), "_ready");
    }

    /** The batch's final directory within a partition directory ({@code ""} when unpartitioned). */
    Path batchDirectory(String partitionDirectory, long batchTime) {
        Path parent = partitionDirectory.isEmpty() ? base() : new Path(base(), partitionDirectory);
        return new Path(parent, "batch=" + batchTime);
    }

    String partName(int partitionId) {
        String extension = options.format() == HdfsFormat.PARQUET
                ? (options.compression() == HdfsCompression.NONE ? "" : "." + options.compression().name().toLowerCase(Locale.ROOT)) + ".parquet"
                : "." + options.format().extension() + options.compression().textExtension();
        return String.format(Locale.ROOT, "part-%05d%s", partitionId, extension);
    }

    /** The record's partition directories, e.g. {@code level=WARN/dt=2026-11-30/hour=05}, or {@code ""}. */
    String partitionDirectory(Record record, long batchTime) {
        if (options.partitionBy().isEmpty() && options.timePartitioning() == HdfsTimePartitioning.NONE) {
            return "";
        }
        StringBuilder directory = new StringBuilder();
        for (String field : options.partitionBy()) {
            Object value = record.get(field);
            String text = value == null ? NULL_VALUE : escape(value instanceof Instant instant ? instant.toString() : record.getString(field));
            append(directory, field + "=" + text);
        }
        if (options.timePartitioning() != HdfsTimePartitioning.NONE) {
            Instant time = timeOf(record, batchTime);
            append(directory, "dt=" + DAY.format(time));
            if (options.timePartitioning() == HdfsTimePartitioning.HOUR) {
                append(directory, "hour=" + HOUR.format(time));
            }
        }
        return directory.toString();
    }

    private Instant timeOf(Record record, long batchTime) {
        if (options.timeField() == null) {
            return Instant.ofEpochMilli(record.eventTime() >= 0 ? record.eventTime() : batchTime);
        }
        Object value = record.get(options.timeField());
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Long millis) {
            return Instant.ofEpochMilli(millis);
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text.trim());
            }
            catch (java.time.format.DateTimeParseException e) {
                throw new RecordException("field [" + options.timeField() + "] is not an ISO-8601 instant, as [time-field] needs", e);
            }
        }
        throw new RecordException("field [" + options.timeField() + "] is " + (value == null ? "missing" : "not a timestamp")
                + ", as [time-field] needs");
    }

    private static void append(StringBuilder directory, String part) {
        if (!directory.isEmpty()) {
            directory.append('/');
        }
        directory.append(part);
    }

    /** Hive's escaping: characters that are special in paths become %XX. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < ' ' || "\"#%'*/:=?\\\u007F{[]^".indexOf(c) >= 0) {
                escaped.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.isEmpty() ? NULL_VALUE : escaped.toString();
    }
}
