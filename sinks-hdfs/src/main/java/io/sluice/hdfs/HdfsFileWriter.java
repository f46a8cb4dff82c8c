package io.sluice.hdfs;

import java.io.IOException;

import io.sluice.api.record.Record;

/** Writes records into one file. Used by one thread; {@link #close} makes the file complete. */
interface HdfsFileWriter extends AutoCloseable {
    void write(Record record) throws IOException;

    @Override
    void close() throws IOException;
}
