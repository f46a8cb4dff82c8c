package io.sluice.hdfs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.FieldType;
import io.sluice.api.record.Record;

/**
 * A Parquet file, written with the Parquet writer on Spark SQL's class path ({@code parquet-hadoop});
 * records are engine-neutral here, so the writer works per partition without a Spark session. The
 * schema is the declared one, or else the first record's field types (every column optional;
 * timestamps as {@code TIMESTAMP(MILLIS, UTC)}, strings as {@code UTF8}), so Spark reads the files as they are.
 */
final class HdfsParquetFileWriter implements HdfsFileWriter {
    private final Path file;
    private final Configuration conf;
    private final HdfsSinkOptions options;
    private ParquetWriter<Group> writer;
    private Map<String, FieldType> schema;
    private SimpleGroupFactory groups;

    HdfsParquetFileWriter(Path file, Configuration conf, HdfsSinkOptions options) {
        this.file = file;
        this.conf = conf;
        this.options = options;
    }

    @Override
    public void write(Record record) throws IOException {
        if (writer == null) {
            open(record);
        }
        Group group = groups.newGroup();
        for (Map.Entry<String, FieldType> column : schema.entrySet()) {
            Object value = record.get(column.getKey());
            if (value == null) {
                continue;
            }
            if (FieldType.of(value) != column.getValue()) {
                throw new RecordException("field [" + column.getKey() + "] is a " + FieldType.of(value).name().toLowerCase()
                        + ", but the parquet schema says " + column.getValue().name().toLowerCase());
            }
            switch (column.getValue()) {
                case STRING -> group.append(column.getKey(), (String) value);
                case LONG -> group.append(column.getKey(), (Long) value);
                case DOUBLE -> group.append(column.getKey(), (Double) value);
                case BOOLEAN -> group.append(column.getKey(), (Boolean) value);
                case TIMESTAMP -> group.append(column.getKey(), ((Instant) value).toEpochMilli());
                case BYTES -> group.append(column.getKey(), Binary.fromConstantByteArray((byte[]) value));
            }
        }
        if (options.fields().isEmpty()) {
            for (String field : record.fieldNames()) {
                if (!schema.containsKey(field) && !options.partitionBy().contains(field)) {
                    throw new RecordException("field [" + field + "] has no parquet column: the schema " + schema.keySet()
                            + " was taken from the file's first record; set option [schema] to declare it");
                }
            }
        }
        writer.write(group);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    private void open(Record first) throws IOException {
        schema = new LinkedHashMap<>();
        List<String> fields = options.fields().isEmpty()
                ? first.fieldNames().stream().filter(name -> !options.partitionBy().contains(name)).toList()
                : options.fields();
        for (String field : fields) {
            FieldType declared = options.schema().get(field);
            Object value = first.get(field);
            schema.put(field, declared != null ? declared : value == null ? FieldType.STRING : FieldType.of(value));
        }
        Types.MessageTypeBuilder message = Types.buildMessage();
        List<String> names = new ArrayList<>(schema.keySet());
        for (String name : names) {
            switch (schema.get(name)) {
                case STRING -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
                case LONG -> message.optional(PrimitiveTypeName.INT64).named(name);
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(name);
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case TIMESTAMP -> message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
                case BYTES -> message.optional(PrimitiveTypeName.BINARY).named(name);
            }
        }
        MessageType type = message.named("record");
        groups = new SimpleGroupFactory(type);
        writer = ExampleParquetWriter.builder(file)
                .withConf(conf)
                .withType(type)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(switch (options.compression()) {
                    case NONE -> CompressionCodecName.UNCOMPRESSED;
                    case GZIP -> CompressionCodecName.GZIP;
                    case SNAPPY -> CompressionCodecName.SNAPPY;
                })
                .build();
    }
}
