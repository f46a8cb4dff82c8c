package io.sluice.hdfs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.Type;

/** Reads what the sink wrote, as a reader would: every data file (names starting with _ or . skipped), decompressed. */
final class HdfsFiles {
    private HdfsFiles() {}

    /** Data files under a directory, relative paths, sorted. */
    static List<String> dataFiles(FileSystem fileSystem, Path base) {
        List<String> files = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(base, true);
            while (listing.hasNext()) {
                Path file = listing.next().getPath();
                String relative = file.toUri().getPath().substring(base.toUri().getPath().length() + 1);
                boolean hidden = false;
                for (String part : relative.split("/")) {
                    hidden |= part.startsWith("_") || part.startsWith(".");
                }
                if (!hidden) {
                    files.add(relative);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /** The lines of a text file, through the codec its extension names. */
    static List<String> lines(FileSystem fileSystem, Path file) {
        CompressionCodec codec = new CompressionCodecFactory(new Configuration()).getCodec(file);
        List<String> lines = new ArrayList<>();
        try (InputStream raw = fileSystem.open(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(codec == null ? raw : codec.createInputStream(raw), UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The rows of a Parquet file, each column's value as text (absent for nulls), plus the column types under "#types". */
    static List<Map<String, String>> parquetRows(FileSystem fileSystem, Path file) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(fileSystem.getConf()).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                Map<String, String> row = new LinkedHashMap<>();
                StringBuilder types = new StringBuilder();
                for (Type field : group.getType().getFields()) {
                    types.append(types.isEmpty() ? "" : ",").append(field.asPrimitiveType().getPrimitiveTypeName())
                            .append(field.getLogicalTypeAnnotation() == null ? "" : "/" + field.getLogicalTypeAnnotation());
                    if (group.getFieldRepetitionCount(field.getName()) > 0) {
                        row.put(field.getName(), group.getValueToString(group.getType().getFieldIndex(field.getName()), 0));
                    }
                }
                row.put("#types", types.toString());
                rows.add(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
