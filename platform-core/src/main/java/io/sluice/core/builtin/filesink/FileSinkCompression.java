package io.sluice.core.builtin.filesink;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** How the {@code file} sink compresses its part files. */
public enum FileSinkCompression {
    NONE("") {
        @Override
        OutputStream wrap(OutputStream out) {
            return out;
        }
    },
    GZIP(".gz") {
        @Override
        OutputStream wrap(OutputStream out) throws IOException {
            return new GZIPOutputStream(out, 64 * 1024);
        }
    };

    private final String extension;

    FileSinkCompression(String extension) {
        this.extension = extension;
    }

    /** The extension appended after the format's, with its dot, or empty. */
    String extension() {
        return extension;
    }

    /** Wraps a file's stream; closing the result closes {@code out}. */
    abstract OutputStream wrap(OutputStream out) throws IOException;
}
