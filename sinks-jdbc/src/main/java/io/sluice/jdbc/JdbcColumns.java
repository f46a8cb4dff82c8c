package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

import io.sluice.api.error.RecordException;
import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Record;

/**
 * Which column takes which field, fixed for one writer: from option {@code columns}, or else the
 * field names of the partition's first record. Immutable.
 *
 * @param columns the columns, in statement order
 * @param fields the field read for each column
 * @param fromFirstRecord whether the columns were taken from the first record (then a record with a field
 *     that has no column is refused rather than silently cut)
 */
record JdbcColumns(List<String> columns, List<String> fields, boolean fromFirstRecord) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    JdbcColumns {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    static JdbcColumns of(JdbcSinkOptions options, Record first) {
        if (!options.columns().isEmpty()) {
            return new JdbcColumns(options.columns(), options.fields(), false);
        }
        List<String> names = first.fieldNames();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw SluiceException.user("jdbc sink: field [" + name + "] is not a plain column name (letters, digits, _); "
                        + "list the columns with option [columns], e.g. [\"my_column = " + name + "\"]");
            }
        }
        if (names.isEmpty()) {
            throw SluiceException.user("jdbc sink: records have no fields to write; parse them first or set option [columns]");
        }
        for (String key : options.key()) {
            if (!names.contains(key)) {
                throw SluiceException.user("jdbc sink: key column [" + key + "] is not a field of the records, whose fields are " + names);
            }
        }
        return new JdbcColumns(names, names, true);
    }

    /** The record's values in column order. */
    Object[] values(Record record) {
        if (fromFirstRecord) {
            for (int i = 0; i < record.fieldCount(); i++) {
                if (!fields.contains(record.fieldName(i))) {
                    throw new RecordException("field [" + record.fieldName(i) + "] has no column: the columns " + columns
                            + " were taken from the batch's first record; set option [columns] to choose them");
                }
            }
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.get(fields.get(i));
        }
        return values;
    }
}
