package io.sluice.redis;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;

/**
 * A key template such as {@code counts:${level}}: literal text with {@code ${field}} references,
 * filled from a record. Parsed once on the driver; immutable and serializable.
 */
final class RedisKeyTemplate implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;
    /** Alternating literal, field, literal, ...: even indexes are literals, odd ones field names. */
    private final List<String> parts;

    private RedisKeyTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @throws SluiceException (a user error) for an unclosed or empty {@code ${}}
     */
    static RedisKeyTemplate parse(String option, String text) {
        requireNonNull(text, "text is null");
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                parts.add(text.substring(from));
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw SluiceException.user("option [" + option + "] has an unclosed ${ in [" + text + "]");
            }
            String field = text.substring(start + 2, end).trim();
            if (field.isEmpty()) {
                throw SluiceException.user("option [" + option + "] has an empty ${} in [" + text + "]");
            }
            parts.add(text.substring(from, start));
            parts.add(field);
            from = end + 1;
        }
        return new RedisKeyTemplate(text, parts);
    }

    /** The fields the template reads. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            fields.add(parts.get(i));
        }
        return fields;
    }

    /**
     * Fills the template from a record.
     *
     * @throws RecordException when a referenced field is missing or null, so the record is dead-lettered
     */
    String render(Record record) {
        StringBuilder key = new StringBuilder(text.length() + 16);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                key.append(parts.get(i));
                continue;
            }
            String value = record.getString(parts.get(i));
            if (value == null) {
                throw new RecordException("field [" + parts.get(i) + "] of key template [" + text + "] is missing or null");
            }
            key.append(value);
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
