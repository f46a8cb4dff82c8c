package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.sluice.api.error.RecordException;

/**
 * Reads one line of delimited values as RFC 4180 describes them: a field may be enclosed in quotes,
 * inside which the delimiter is plain text and a doubled quote stands for one quote. A quote
 * inside an unquoted field, text after a closing quote and an unterminated quote are errors, since
 * guessing there silently shifts columns. Positions in messages are 1-based character positions.
 */
final class CsvParser implements FieldParser {
    private static final long serialVersionUID = 1L;
    /** Marks quoting as switched off ({@code quote = ""}); no valid delimiter can equal it. */
    static final char NO_QUOTE = '\0';

    private final String[] fields;
    private final char delimiter;
    private final char quote;
    private final boolean strictFieldCount;
    private final boolean trim;

    CsvParser(List<String> fields, char delimiter, char quote, boolean strictFieldCount, boolean trim) {
        this.fields = requireNonNull(fields, "fields is null").toArray(new String[0]);
        this.delimiter = delimiter;
        this.quote = quote;
        this.strictFieldCount = strictFieldCount;
        this.trim = trim;
    }

    @Override
    public List<String> fixedFieldNames() {
        return List.of(fields);
    }

    @Override
    public void parse(String text, ParsedFieldWriter out) {
        int length = text.length();
        int position = 0;
        int count = 0;
        StringBuilder quoted = null;
        // The next quote at or after position, or -1: one scan of the line when it has none.
        int quoteAt = quote == NO_QUOTE ? -1 : text.indexOf(quote);
        while (true) {
            if (trim) {
                position = skipBlanks(text, position);
            }
            String value;
            if (quote != NO_QUOTE && position < length && text.charAt(position) == quote) {
                int opening = position;
                position++;
                if (quoted == null) {
                    quoted = new StringBuilder(length - position);
                }
                else {
                    quoted.setLength(0);
                }
                while (true) {
                    if (position >= length) {
                        throw new RecordException("CSV field [" + (count + 1) + "] has a quote at position ["
                                + (opening + 1) + "] that is never closed");
                    }
                    char c = text.charAt(position++);
                    if (c != quote) {
                        quoted.append(c);
                    }
                    else if (position < length && text.charAt(position) == quote) {
                        quoted.append(quote);
                        position++;
                    }
                    else {
                        break;
                    }
                }
                value = quoted.toString();
                if (trim) {
                    position = skipBlanks(text, position);
                }
                if (position < length && text.charAt(position) != delimiter) {
                    throw new RecordException("CSV field [" + (count + 1) + "] has text after its closing quote at position ["
                            + (position + 1) + "]");
                }
            }
            else {
                int end = text.indexOf(delimiter, position);
                if (end < 0) {
                    end = length;
                }
                if (quoteAt >= 0 && quoteAt < position) {
                    quoteAt = text.indexOf(quote, position);
                }
                if (quoteAt >= 0 && quoteAt < end) {
                    throw new RecordException("CSV field [" + (count + 1) + "] has a quote inside an unquoted value at position ["
                            + (quoteAt + 1) + "]; enclose the whole field in quotes and double the quote");
                }
                int valueEnd = end;
                if (trim) {
                    while (valueEnd > position && isBlank(text.charAt(valueEnd - 1))) {
                        valueEnd--;
                    }
                }
                // Only values that are set become strings: most pipelines read a few columns.
                value = count < fields.length && out.wantsColumn(count) ? text.substring(position, valueEnd) : null;
                position = end;
            }
            if (count < fields.length) {
                out.putColumn(count, fields[count], value);
            }
            count++;
            if (position >= length) {
                break;
            }
            position++;
        }
        if (count != fields.length) {
            if (strictFieldCount) {
                throw new RecordException("CSV line has the wrong number of fields: expected [" + fields.length + "], got [" + count + "]");
            }
            for (int i = count; i < fields.length; i++) {
                out.putColumn(i, fields[i], null);
            }
        }
    }

    private int skipBlanks(String text, int position) {
        while (position < text.length() && isBlank(text.charAt(position))) {
            position++;
        }
        return position;
    }

    // A tab is a delimiter, not padding, in tab-separated data.
    private boolean isBlank(char c) {
        return c != delimiter && Character.isWhitespace(c);
    }
}
