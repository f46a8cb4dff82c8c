package io.sluice.core.builtin.filesink;

/** The layout of the {@code file} sink's part files. */
public enum FileSinkFormat {
    /** One JSON object per line. */
    JSONL(".jsonl"),
    /** Comma-separated values, RFC 4180 quoting, optional header row. */
    CSV(".csv");

    private final String extension;

    FileSinkFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, with its dot. */
    String extension() {
        return extension;
    }
}
