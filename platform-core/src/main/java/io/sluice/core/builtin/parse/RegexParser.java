package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sluice.api.error.RecordException;

/**
 * Reads the named groups of a regular expression's first match in the text; a group that took no
 * part in the match becomes a null field. The pattern is compiled once, on the driver, and again
 * only when the parser is deserialized; per record only a {@link Matcher} is made.
 */
final class RegexParser implements FieldParser {
    private static final long serialVersionUID = 1L;

    private final Pattern pattern;
    private final String[] groups;

    RegexParser(Pattern pattern, List<String> groups) {
        this.pattern = requireNonNull(pattern, "pattern is null");
        this.groups = groups.toArray(new String[0]);
    }

    @Override
    public List<String> fixedFieldNames() {
        return List.of(groups);
    }

    @Override
    public void parse(String text, ParsedFieldWriter out) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new RecordException("text does not match option [pattern]");
        }
        for (String group : groups) {
            out.put(group, matcher.group(group));
        }
    }

    /**
     * The names of the named groups in a pattern, in the order they open. Java 17 has no API for
     * this ({@code Pattern.namedGroups()} arrived in Java 20), so the source is scanned: a group
     * opens with {@code (?<name>}, where the parenthesis is not escaped and {@code <} is not the
     * start of a look-behind ({@code (?<=}, {@code (?<!}).
     */
    static List<String> namedGroups(String regex) {
        List<String> names = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
            }
            else if (c == '(' && regex.startsWith("?<", i + 1) && i + 3 < regex.length() && Character.isLetter(regex.charAt(i + 3))) {
                int end = regex.indexOf('>', i + 3);
                if (end > 0) {
                    names.add(regex.substring(i + 3, end));
                    i = end;
                }
            }
        }
        return List.copyOf(names);
    }
}
