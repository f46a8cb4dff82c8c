package io.sluice.core.builtin.console;

import java.time.Instant;
import java.util.Base64;

import io.sluice.api.record.Record;
import io.sluice.core.builtin.json.RecordJson;

/** How the {@code console} sink prints one record. */
public enum ConsoleSinkFormat {
    /** {@code level=ERROR, count=3}; a record without fields prints its payload as text. */
    FIELDS {
        @Override
        String format(Record record) {
            if (record.fieldCount() == 0) {
                return String.valueOf(record.payloadAsString());
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < record.fieldCount(); i++) {
                if (i > 0) {
                    line.append(", ");
                }
                line.append(record.fieldName(i)).append('=').append(text(record.fieldValue(i)));
            }
            return line.toString();
        }
    },
    /** One JSON object per line, as the {@code file} sink writes {@code jsonl}. */
    JSON {
        @Override
        String format(Record record) {
            return RecordJson.toJson(record);
        }
    };

    abstract String format(Record record);

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return String.valueOf(value);
    }
}
