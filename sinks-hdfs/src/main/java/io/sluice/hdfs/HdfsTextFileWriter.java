package io.sluice.hdfs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Record;

/**
 * A jsonl or csv file. Columns are the {@code fields} option, or else (csv) the first record's
 * fields, or (jsonl) each record's own fields; fields that name partition directories are left out.
 */
final class HdfsTextFileWriter implements HdfsFileWriter {
    // Thread-safe once built, and meant to be shared.
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final OutputStream out;
    private final HdfsSinkOptions options;
    private List<String> columns;

    HdfsTextFileWriter(OutputStream out, HdfsSinkOptions options) {
        this.out = out;
        this.options = options;
        this.columns = options.fields().isEmpty() ? null : options.fields();
    }

    @Override
    public void write(Record record) throws IOException {
        if (options.format() == HdfsFormat.JSONL) {
            writeJson(record, columns == null ? dataFields(record) : columns);
            return;
        }
        if (columns == null) {
            columns = dataFields(record);
            if (options.header()) {
                writeCsvRow(List.copyOf(columns), null);
            }
        }
        else if (options.fields().isEmpty()) {
            for (String field : dataFields(record)) {
                if (!columns.contains(field)) {
                    throw new RecordException("field [" + field + "] has no csv column: the columns " + columns
                            + " were taken from the file's first record; set option [fields] to choose them");
                }
            }
        }
        writeCsvRow(columns, record);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private List<String> dataFields(Record record) {
        return record.fieldNames().stream().filter(name -> !options.partitionBy().contains(name)).toList();
    }

    private void writeJson(Record record, List<String> fields) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            for (String field : fields) {
                json.writeFieldName(field);
                Object value = record.get(field);
                if (value == null) {
                    json.writeNull();
                }
                else if (value instanceof String text) {
                    json.writeString(text);
                }
                else if (value instanceof Long number) {
                    json.writeNumber(number);
                }
                else if (value instanceof Double number) {
                    json.writeNumber(number);
                }
                else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                }
                else if (value instanceof Instant instant) {
                    json.writeString(instant.toString());
                }
                else {
                    json.writeString(Base64.getEncoder().encodeToString((byte[]) value));
                }
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    /** RFC 4180: cells with a comma, quote or line break are quoted with quotes doubled; empty strings quoted, nulls empty. */
    private void writeCsvRow(List<String> cells, Record record) throws IOException {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            Object value = record == null ? cells.get(i) : record.get(cells.get(i));
            if (value == null) {
                continue;
            }
            String text = value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : String.valueOf(value);
            if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                row.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
            else {
                row.append(text);
            }
        }
        out.write(row.append("\r\n").toString().getBytes(UTF_8));
    }
}
