package io.sluice.core.builtin.parse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import io.sluice.api.option.OptionProblem;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.OptionsException;

/**
 * The {@code parse} transform's options: their specs, and the checks across them that the specs
 * cannot express (options that belong to another format, a delimiter of one character, a pattern
 * that compiles, types for fields the format produces). Every problem is collected before failing.
 */
final class ParseOptions {
    static final OptionSpec<ParseFormat> FORMAT = OptionSpec.oneOf("format", ParseFormat.class).required()
            .doc("Format of the text: csv, json (one object), regex (named groups) or kv (key=value pairs)");
    static final OptionSpec<String> FROM = OptionSpec.string("from")
            .doc("Field holding the text to parse; unset, the record's payload decoded as UTF-8");
    static final OptionSpec<List<String>> FIELDS = OptionSpec.stringList("fields")
            .doc("csv: names of the columns, in order (required); json: the only keys to read, in this order "
                    + "(missing keys become null fields); unset for json: every key");
    static final OptionSpec<String> DELIMITER = OptionSpec.string("delimiter").defaultValue(",")
            .doc("csv: the one character between fields, e.g. \",\", \";\" or \"\\t\"");
    static final OptionSpec<String> QUOTE = OptionSpec.string("quote").defaultValue("\"")
            .doc("csv: the one character enclosing fields that contain the delimiter; doubled inside to stand for itself; "
                    + "\"\" turns quoting off");
    static final OptionSpec<Boolean> STRICT_FIELD_COUNT = OptionSpec.bool("strict-field-count").defaultValue(true)
            .doc("csv: whether a line with more or fewer fields than [fields] is an error; if false, "
                    + "missing fields are null and extra ones are ignored");
    static final OptionSpec<Boolean> TRIM = OptionSpec.bool("trim").defaultValue(false)
            .doc("csv: whether to remove whitespace around fields (not inside quotes)");
    static final OptionSpec<String> PATTERN = OptionSpec.string("pattern")
            .doc("regex: a Java regular expression whose named groups (?<name>...) become fields; "
                    + "the first match in the text is used, so anchor with ^ and $ to match it whole (required)");
    static final OptionSpec<String> PAIR_SEPARATOR = OptionSpec.string("pair-separator")
            .doc("kv: the text between pairs, e.g. \",\" or \"&\"; unset, any run of whitespace");
    static final OptionSpec<String> KV_SEPARATOR = OptionSpec.string("kv-separator").defaultValue("=")
            .doc("kv: the text between a key and its value");
    static final OptionSpec<Map<String, Object>> TYPES = OptionSpec.object("types")
            .doc("Types to convert fields to, as { field = type }; types are string, long, double, boolean and "
                    + "timestamp (ISO-8601 instant or epoch milliseconds); unlisted fields stay as parsed");
    static final OptionSpec<String> EVENT_TIME = OptionSpec.string("event-time")
            .doc("Field to take the record's event time from: a timestamp, epoch milliseconds or an ISO-8601 instant");
    static final OptionSpec<Boolean> KEEP_PAYLOAD = OptionSpec.bool("keep-payload").defaultValue(true)
            .doc("Whether the output record keeps the raw payload; false saves memory once fields are parsed");

    static final OptionSpecs SPECS = OptionSpecs.of(FORMAT, FROM, FIELDS, DELIMITER, QUOTE, STRICT_FIELD_COUNT, TRIM,
            PATTERN, PAIR_SEPARATOR, KV_SEPARATOR, TYPES, EVENT_TIME, KEEP_PAYLOAD);

    private static final Map<ParseFormat, List<OptionSpec<?>>> FORMAT_OPTIONS = Map.of(
            ParseFormat.CSV, List.of(FIELDS, DELIMITER, QUOTE, STRICT_FIELD_COUNT, TRIM),
            ParseFormat.JSON, List.of(FIELDS),
            ParseFormat.REGEX, List.of(PATTERN),
            ParseFormat.KV, List.of(PAIR_SEPARATOR, KV_SEPARATOR));

    private final FieldParser parser;
    private final Optional<String> from;
    private final Map<String, ParseFieldType> types;
    private final Optional<String> eventTime;
    private final boolean keepPayload;

    private ParseOptions(FieldParser parser, Optional<String> from, Map<String, ParseFieldType> types,
            Optional<String> eventTime, boolean keepPayload) {
        this.parser = requireNonNull(parser, "parser is null");
        this.from = requireNonNull(from, "from is null");
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(types, "types is null")));
        this.eventTime = requireNonNull(eventTime, "eventTime is null");
        this.keepPayload = keepPayload;
    }

    /**
     * Checks the options across each other and builds the parser they describe.
     *
     * @throws OptionsException naming every option at fault
     */
    static ParseOptions from(Options options) {
        List<OptionProblem> problems = new ArrayList<>();
        ParseFormat format = options.get(FORMAT);
        for (OptionSpec<?> spec : SPECS.specs()) {
            if (options.isSet(spec) && isFormatSpecific(spec) && !FORMAT_OPTIONS.get(format).contains(spec)) {
                problems.add(new OptionProblem(spec.key(), "does not apply to format [" + OptionSpec.enumName(format)
                        + "]; it is for " + formatsTaking(spec)));
            }
        }
        Optional<String> from = options.find(FROM);
        from.filter(String::isBlank).ifPresent(blank -> problems.add(new OptionProblem(FROM.key(), "must not be blank")));
        Optional<String> eventTime = options.find(EVENT_TIME);
        eventTime.filter(String::isBlank).ifPresent(blank -> problems.add(new OptionProblem(EVENT_TIME.key(), "must not be blank")));

        // Fields the format is known to produce, when it is known before reading data (not for kv, nor json without [fields]).
        List<String> knownFields = null;
        FieldParser parser = null;
        switch (format) {
            case CSV -> {
                List<String> fields = fieldList(options, true, problems);
                Character delimiter = singleCharacter(options, DELIMITER, false, problems);
                Character quote = singleCharacter(options, QUOTE, true, problems);
                if (delimiter != null && quote != null && delimiter.equals(quote)) {
                    problems.add(new OptionProblem(QUOTE.key(), "must differ from option [delimiter], both are [" + quote + "]"));
                }
                if (fields != null && delimiter != null && quote != null) {
                    parser = new CsvParser(fields, delimiter, quote, options.get(STRICT_FIELD_COUNT), options.get(TRIM));
                }
                knownFields = fields;
            }
            case JSON -> {
                List<String> fields = options.isSet(FIELDS) ? fieldList(options, false, problems) : List.of();
                if (fields != null) {
                    parser = new JsonObjectParser(fields);
                    knownFields = fields.isEmpty() ? null : fields;
                }
            }
            case REGEX -> {
                Optional<String> regex = options.find(PATTERN);
                if (regex.isEmpty()) {
                    problems.add(new OptionProblem(PATTERN.key(), "is required for format [regex]: " + PATTERN.doc()));
                }
                else {
                    try {
                        Pattern pattern = Pattern.compile(regex.get());
                        List<String> groups = RegexParser.namedGroups(regex.get());
                        if (groups.isEmpty()) {
                            problems.add(new OptionProblem(PATTERN.key(), "has no named group; name each field's group as (?<name>...)"));
                        }
                        else {
                            parser = new RegexParser(pattern, groups);
                            knownFields = groups;
                        }
                    }
                    catch (PatternSyntaxException e) {
                        problems.add(new OptionProblem(PATTERN.key(), "is not a valid regular expression: " + e.getDescription()
                                + " at index [" + e.getIndex() + "]"));
                    }
                }
            }
            case KV -> {
                Optional<String> pairSeparator = options.find(PAIR_SEPARATOR);
                String kvSeparator = options.get(KV_SEPARATOR);
                pairSeparator.filter(String::isEmpty).ifPresent(empty ->
                        problems.add(new OptionProblem(PAIR_SEPARATOR.key(), "must not be empty; unset it to separate pairs by whitespace")));
                if (kvSeparator.isEmpty()) {
                    problems.add(new OptionProblem(KV_SEPARATOR.key(), "must not be empty"));
                }
                if (pairSeparator.isPresent() && !kvSeparator.isEmpty() && pairSeparator.get().equals(kvSeparator)) {
                    problems.add(new OptionProblem(PAIR_SEPARATOR.key(), "must differ from option [kv-separator], both are ["
                            + kvSeparator + "]"));
                }
                parser = new KeyValueParser(pairSeparator.filter(separator -> !separator.isEmpty()).orElse(null), kvSeparator);
            }
        }

        Map<String, ParseFieldType> types = parseTypes(options.find(TYPES).orElse(Map.of()), problems);
        if (knownFields != null) {
            for (String field : types.keySet()) {
                if (!knownFields.contains(field)) {
                    problems.add(new OptionProblem(TYPES.key(), "names field [" + field + "], which is not parsed; parsed fields are "
                            + knownFields));
                }
            }
            if (eventTime.isPresent() && !eventTime.get().isBlank() && !knownFields.contains(eventTime.get())) {
                problems.add(new OptionProblem(EVENT_TIME.key(), "names field [" + eventTime.get() + "], which is not parsed; parsed fields are "
                        + knownFields));
            }
        }
        if (!problems.isEmpty()) {
            throw new OptionsException(problems);
        }
        return new ParseOptions(parser, from, types, eventTime, options.get(KEEP_PAYLOAD));
    }

    FieldParser parser() {
        return parser;
    }

    Optional<String> from() {
        return from;
    }

    Map<String, ParseFieldType> types() {
        return types;
    }

    Optional<String> eventTime() {
        return eventTime;
    }

    boolean keepPayload() {
        return keepPayload;
    }

    private static boolean isFormatSpecific(OptionSpec<?> spec) {
        return FORMAT_OPTIONS.values().stream().anyMatch(specs -> specs.contains(spec));
    }

    private static String formatsTaking(OptionSpec<?> spec) {
        List<String> formats = new ArrayList<>();
        for (ParseFormat format : ParseFormat.values()) {
            if (FORMAT_OPTIONS.get(format).contains(spec)) {
                formats.add(OptionSpec.enumName(format));
            }
        }
        return (formats.size() == 1 ? "format " : "formats ") + formats;
    }

    /** The field names, or null after recording a problem. */
    private static List<String> fieldList(Options options, boolean required, List<OptionProblem> problems) {
        Optional<List<String>> fields = options.find(FIELDS);
        if (fields.isEmpty()) {
            if (required) {
                problems.add(new OptionProblem(FIELDS.key(), "is required for format [csv]: " + FIELDS.doc()));
            }
            return null;
        }
        if (fields.get().isEmpty()) {
            problems.add(new OptionProblem(FIELDS.key(), "must not be empty"));
            return null;
        }
        Set<String> seen = new HashSet<>();
        int before = problems.size();
        for (String field : fields.get()) {
            if (field.isBlank()) {
                problems.add(new OptionProblem(FIELDS.key(), "must not contain a blank name"));
            }
            else if (!seen.add(field)) {
                problems.add(new OptionProblem(FIELDS.key(), "names field [" + field + "] twice"));
            }
        }
        return problems.size() == before ? fields.get() : null;
    }

    /** The option's one character, {@link CsvParser#NO_QUOTE} for an allowed empty value, or null after recording a problem. */
    private static Character singleCharacter(Options options, OptionSpec<String> spec, boolean emptyAllowed, List<OptionProblem> problems) {
        String value = options.get(spec);
        if (value.isEmpty() && emptyAllowed) {
            return CsvParser.NO_QUOTE;
        }
        if (value.length() != 1 || value.charAt(0) == CsvParser.NO_QUOTE) {
            problems.add(new OptionProblem(spec.key(), "must be a single character, got [" + value + "]"));
            return null;
        }
        return value.charAt(0);
    }

    private static Map<String, ParseFieldType> parseTypes(Map<String, Object> raw, List<OptionProblem> problems) {
        Map<String, ParseFieldType> types = new LinkedHashMap<>();
        String allowed = Arrays.stream(ParseFieldType.values()).map(ParseFieldType::displayName)
                .collect(Collectors.joining(", ", "[", "]"));
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String name = entry.getValue() instanceof String text ? text.trim().toLowerCase(Locale.ROOT) : null;
            ParseFieldType type = null;
            for (ParseFieldType candidate : ParseFieldType.values()) {
                if (candidate.displayName().equals(name)) {
                    type = candidate;
                }
            }
            if (type == null) {
                problems.add(new OptionProblem(TYPES.key(), "gives field [" + entry.getKey() + "] type [" + entry.getValue()
                        + "]; expected one of " + allowed));
            }
            else {
                types.put(entry.getKey(), type);
            }
        }
        return types;
    }
}
