package io.sluice.hbase;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sluice.api.error.RecordException;
import io.sluice.api.record.Record;

/**
 * A row-key template such as {@code ${level}#${window_end}}: literal text and {@code ${field}}
 * references, each replaced by the field's text (timestamps as ISO-8601). Immutable.
 */
final class HbaseRowKey implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final String template;
    private final List<String> literals;
    private final List<String> fields;

    private HbaseRowKey(String template, List<String> literals, List<String> fields) {
        this.template = template;
        this.literals = List.copyOf(literals);
        this.fields = List.copyOf(fields);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException when it references no field (every record would get the same row)
     */
    static HbaseRowKey parse(String template) {
        requireNonNull(template, "template is null");
        List<String> literals = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(template);
        int at = 0;
        while (matcher.find()) {
            literals.add(template.substring(at, matcher.start()));
            fields.add(matcher.group(1).trim());
            at = matcher.end();
        }
        literals.add(template.substring(at));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("must reference at least one field as ${field}, e.g. [${level}#${window_end}], got ["
                    + template + "]");
        }
        return new HbaseRowKey(template, literals, fields);
    }

    /** The fields the template references, in order. */
    List<String> fields() {
        return fields;
    }

    /** The record's row key. */
    String render(Record record) {
        StringBuilder key = new StringBuilder(literals.get(0));
        for (int i = 0; i < fields.size(); i++) {
            Object value = record.get(fields.get(i));
            if (value == null) {
                throw new RecordException("field [" + fields.get(i) + "] of row key [" + template + "] is missing");
            }
            key.append(value instanceof Instant instant ? instant.toString() : record.getString(fields.get(i))).append(literals.get(i + 1));
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
