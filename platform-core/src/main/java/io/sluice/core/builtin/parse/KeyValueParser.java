package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import io.sluice.api.error.RecordException;

/**
 * Reads {@code key=value} pairs such as {@code level=INFO msg="disk full" code=7}. Pairs are
 * separated by runs of whitespace, or by a literal separator such as {@code ,} or {@code &}; with a
 * literal separator, whitespace around keys and unquoted values is ignored. A value may be enclosed
 * in double quotes, inside which separators are plain text and {@code \"} and {@code \\} stand for
 * a quote and a backslash. A later pair with the same key replaces an earlier one. Positions in
 * messages are 1-based character positions.
 */
final class KeyValueParser implements FieldParser {
    private static final long serialVersionUID = 1L;
    private static final char QUOTE = '"';
    private static final char ESCAPE = '\\';

    /** A literal pair separator, or {@code null} for runs of whitespace. */
    private final String pairSeparator;
    private final String kvSeparator;

    KeyValueParser(String pairSeparator, String kvSeparator) {
        this.pairSeparator = pairSeparator;
        this.kvSeparator = requireNonNull(kvSeparator, "kvSeparator is null");
    }

    @Override
    public void parse(String text, ParsedFieldWriter out) {
        int length = text.length();
        int position = skipSeparators(text, 0);
        StringBuilder quoted = null;
        while (position < length) {
            int pairStart = position;
            int pairEnd = nextSeparator(text, position);
            int separator = text.indexOf(kvSeparator, position);
            if (separator < 0 || separator >= pairEnd) {
                throw new RecordException("key-value pair at position [" + (pairStart + 1) + "] has no separator ["
                        + kvSeparator + "]");
            }
            String key = strip(text, pairStart, separator);
            if (key.isEmpty()) {
                throw new RecordException("key-value pair at position [" + (pairStart + 1) + "] has an empty key");
            }
            int valueStart = separator + kvSeparator.length();
            int valueEnd = nextSeparator(text, valueStart);
            int quoteAt = pairSeparator == null ? valueStart : skipWhitespace(text, valueStart);
            String value;
            if (quoteAt < valueEnd && text.charAt(quoteAt) == QUOTE) {
                if (quoted == null) {
                    quoted = new StringBuilder();
                }
                quoted.setLength(0);
                // Separators inside quotes are text, so the value may run past valueEnd.
                position = readQuoted(text, quoteAt, key, quoted);
                value = quoted.toString();
                // The closing quote must end the pair: a separator (or, with a literal separator,
                // whitespace then a separator) or the end of the text follows it.
                int after = pairSeparator == null ? position : skipWhitespace(text, position);
                if (after < length && nextSeparator(text, position) != position && nextSeparator(text, after) != after) {
                    throw new RecordException("value of key [" + key + "] has text after its closing quote at position ["
                            + (after + 1) + "]");
                }
            }
            else {
                value = strip(text, valueStart, valueEnd);
                position = valueEnd;
            }
            out.put(key, value);
            position = skipSeparators(text, position);
        }
    }

    /** Reads a quoted value opening at {@code opening} into {@code value}; returns the position after the closing quote. */
    private static int readQuoted(String text, int opening, String key, StringBuilder value) {
        int position = opening + 1;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == QUOTE) {
                return position;
            }
            if (c == ESCAPE && position < text.length()) {
                char next = text.charAt(position);
                if (next == QUOTE || next == ESCAPE) {
                    value.append(next);
                    position++;
                    continue;
                }
            }
            value.append(c);
        }
        throw new RecordException("value of key [" + key + "] has a quote at position [" + (opening + 1) + "] that is never closed");
    }

    /** The position of the next pair separator at or after {@code from}, or the text's length. */
    private int nextSeparator(String text, int from) {
        if (pairSeparator == null) {
            for (int i = from; i < text.length(); i++) {
                if (Character.isWhitespace(text.charAt(i))) {
                    return i;
                }
            }
            return text.length();
        }
        int index = text.indexOf(pairSeparator, from);
        return index < 0 ? text.length() : index;
    }

    /** Skips separators (and, with a literal separator, whitespace) before a pair; empty pairs are allowed. */
    private int skipSeparators(String text, int position) {
        if (pairSeparator == null) {
            return skipWhitespace(text, position);
        }
        while (true) {
            if (text.startsWith(pairSeparator, position)) {
                position += pairSeparator.length();
                continue;
            }
            int next = skipWhitespace(text, position);
            if (next == position) {
                return position;
            }
            position = next;
        }
    }

    private static int skipWhitespace(String text, int position) {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        return position;
    }

    /** The text between two positions; with a literal pair separator, without surrounding whitespace. */
    private String strip(String text, int start, int end) {
        if (pairSeparator == null) {
            return text.substring(start, end);
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
