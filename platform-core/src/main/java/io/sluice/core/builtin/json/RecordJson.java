package io.sluice.core.builtin.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.sluice.api.record.Record;

/**
 * Renders a record as one JSON object: its fields in order, timestamps as ISO-8601 strings, bytes
 * as base64. A record without fields (a line straight from a source) renders its payload as
 * {@code {"payload": "..."}} so nothing prints as an empty object. Thread-safe.
 */
public final class RecordJson {
    /** The field name a record without fields is written under. */
    public static final String PAYLOAD_FIELD = "payload";

    // Jackson's factory is thread-safe once configured and meant to be shared.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private RecordJson() {
    }

    /** The record as a one-line JSON object. */
    public static String toJson(Record record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            write(record, json);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON to a string", e);
        }
        return text.toString();
    }

    /** Writes the record as a JSON object in UTF-8, without a line separator; leaves {@code out} open. */
    public static void write(Record record, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            write(record, json);
        }
    }

    private static void write(Record record, JsonGenerator json) throws IOException {
        json.writeStartObject();
        if (record.fieldCount() == 0) {
            json.writeStringField(PAYLOAD_FIELD, record.payloadAsString());
        }
        for (int i = 0; i < record.fieldCount(); i++) {
            json.writeFieldName(record.fieldName(i));
            writeValue(record.fieldValue(i), json);
        }
        json.writeEndObject();
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
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
        else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        }
        else {
            throw new IllegalArgumentException("Unsupported field value class [" + value.getClass().getName() + "]");
        }
    }
}
