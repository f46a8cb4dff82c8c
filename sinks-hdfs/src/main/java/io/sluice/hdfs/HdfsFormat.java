package io.sluice.hdfs;

/** The files' format. */
public enum HdfsFormat {
    /** One JSON object per line; timestamps as ISO-8601 strings, bytes as base64. */
    JSONL("jsonl"),
    /** RFC 4180 rows; empty strings quoted to tell them from nulls. */
    CSV("csv"),
    /** Apache Parquet, written with the Parquet writer Spark SQL ships; one row group per file. */
    PARQUET("parquet");

    private final String extension;

    HdfsFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
