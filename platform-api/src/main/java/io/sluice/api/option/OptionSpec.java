package io.sluice.api.option;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one declaration of a plugin option: its key, type, default or required-ness, allowed values,
 * bounds, documentation, secrecy and former names. Specs are immutable; every refining method
 * returns a new spec, so they are declared as constants:
 *
 * <pre>{@code
 * static final OptionSpec<Integer> BATCH_SIZE = OptionSpec.integer("batch-size")
 *         .defaultValue(500).atLeast(1).doc("Rows per JDBC batch");
 * }</pre>
 *
 * <p>Raw values come from the pipeline file as strings, numbers, booleans, lists and maps; a
 * spec accepts a string where a number or boolean is expected (HOCON users write both). A text
 * option given a number reads it as written: a {@link WrittenNumber} such as {@code 0042} or
 * {@code 1e3} gives its text, not its value.
 *
 * @param <T> the parsed value's type
 */
public final class OptionSpec<T> {
    private final String key;
    private final OptionType type;
    private final Function<Object, T> parser;
    private final T defaultValue;
    private final boolean required;
    private final String doc;
    private final List<String> allowedValues;
    private final Double min;
    private final Double max;
    private final List<String> aliases;
    private final boolean deprecated;

    private OptionSpec(String key, OptionType type, Function<Object, T> parser, T defaultValue, boolean required,
            String doc, List<String> allowedValues, Double min, Double max, List<String> aliases, boolean deprecated) {
        this.key = requireNonNull(key, "key is null");
        this.type = requireNonNull(type, "type is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.defaultValue = defaultValue;
        this.required = required;
        this.doc = requireNonNull(doc, "doc is null");
        this.allowedValues = List.copyOf(allowedValues);
        this.min = min;
        this.max = max;
        this.aliases = List.copyOf(aliases);
        this.deprecated = deprecated;
    }

    private static <T> OptionSpec<T> of(String key, OptionType type, Function<Object, T> parser) {
        return new OptionSpec<>(key, type, parser, null, false, "", List.of(), null, null, List.of(), false);
    }

    /** A text option. */
    public static OptionSpec<String> string(String key) {
        return of(key, OptionType.STRING, OptionSpec::asString);
    }

    /** A 32-bit whole number. */
    public static OptionSpec<Integer> integer(String key) {
        return of(key, OptionType.INT, raw -> Math.toIntExact(asLong(raw)));
    }

    /** A 64-bit whole number. */
    public static OptionSpec<Long> longInteger(String key) {
        return of(key, OptionType.LONG, OptionSpec::asLong);
    }

    /** A floating-point number. */
    public static OptionSpec<Double> decimal(String key) {
        return of(key, OptionType.DOUBLE, OptionSpec::asDouble);
    }

    /** {@code true} or {@code false}. */
    public static OptionSpec<Boolean> bool(String key) {
        return of(key, OptionType.BOOLEAN, OptionSpec::asBoolean);
    }

    /** A duration such as {@code 5s}; see {@link Durations#parse}. */
    public static OptionSpec<Duration> duration(String key) {
        return of(key, OptionType.DURATION, raw -> raw instanceof Number number
                ? Duration.ofMillis(number.longValue())
                : Durations.parse(asString(raw)));
    }

    /** A list of strings; a single string counts as a list of one. */
    public static OptionSpec<List<String>> stringList(String key) {
        return of(key, OptionType.STRING_LIST, raw -> {
            if (raw instanceof List<?> list) {
                List<String> values = new ArrayList<>(list.size());
                for (Object element : list) {
                    values.add(asString(element));
                }
                return List.copyOf(values);
            }
            return List.of(asString(raw));
        });
    }

    /** A secret string, masked everywhere it could be shown. */
    public static OptionSpec<Secret> secret(String key) {
        return of(key, OptionType.SECRET, raw -> Secret.of(asString(raw)));
    }

    /**
     * One of an enum's constants, written in lowercase with hyphens for underscores
     * ({@code AT_LEAST_ONCE} is written {@code at-least-once}).
     */
    public static <E extends Enum<E>> OptionSpec<E> oneOf(String key, Class<E> enumType) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E constant : EnumSet.allOf(enumType)) {
            byName.put(enumName(constant), constant);
        }
        OptionSpec<E> spec = of(key, OptionType.ENUM, raw -> {
            String text = asString(raw).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            E value = byName.get(text);
            if (value == null) {
                throw new IllegalArgumentException("expected one of " + byName.keySet() + ", got [" + raw + "]"
                        + DidYouMean.suggest(text, byName.keySet()).map(s -> "; did you mean [" + s + "]?").orElse(""));
            }
            return value;
        });
        return spec.withAllowed(List.copyOf(byName.keySet()));
    }

    /** The name users write for an enum constant: lowercase, hyphens for underscores. */
    public static String enumName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A nested block of keys, given to the plugin as an unmodifiable map of raw values; a number
     * written unusually ({@code 0042}) is a {@link WrittenNumber}, whose {@code toString()} is its text.
     */
    public static OptionSpec<Map<String, Object>> object(String key) {
        return of(key, OptionType.OBJECT, OptionSpec::asObject);
    }

    /** A list of nested blocks. */
    public static OptionSpec<List<Map<String, Object>>> objectList(String key) {
        return of(key, OptionType.OBJECT_LIST, raw -> {
            if (!(raw instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a list of blocks, got " + describeRaw(raw));
            }
            List<Map<String, Object>> blocks = new ArrayList<>(list.size());
            for (Object element : list) {
                blocks.add(asObject(element));
            }
            return List.copyOf(blocks);
        });
    }

    /** Marks the option required: a pipeline without it fails validation. */
    public OptionSpec<T> required() {
        return new OptionSpec<>(key, type, parser, null, true, doc, allowedValues, min, max, aliases, deprecated);
    }

    /** Sets the value used when the pipeline does not set the option. */
    public OptionSpec<T> defaultValue(T value) {
        return new OptionSpec<>(key, type, parser, requireNonNull(value, "value is null"), false, doc, allowedValues, min, max, aliases, deprecated);
    }

    /** Sets the one-sentence documentation shown by {@code sluice plugins describe}. */
    public OptionSpec<T> doc(String text) {
        return new OptionSpec<>(key, type, parser, defaultValue, required, text, allowedValues, min, max, aliases, deprecated);
    }

    /** Restricts a string option to the given values (case-sensitive). */
    public OptionSpec<T> allowed(String... values) {
        return withAllowed(List.of(values));
    }

    private OptionSpec<T> withAllowed(List<String> values) {
        return new OptionSpec<>(key, type, parser, defaultValue, required, doc, values, min, max, aliases, deprecated);
    }

    /** Lower bound for a number option, or for a duration option in milliseconds. */
    public OptionSpec<T> atLeast(double bound) {
        return new OptionSpec<>(key, type, parser, defaultValue, required, doc, allowedValues, bound, max, aliases, deprecated);
    }

    /** Upper bound for a number option, or for a duration option in milliseconds. */
    public OptionSpec<T> atMost(double bound) {
        return new OptionSpec<>(key, type, parser, defaultValue, required, doc, allowedValues, min, bound, aliases, deprecated);
    }

    /** A former name still accepted, with a warning to use the current one. */
    public OptionSpec<T> alias(String formerKey) {
        List<String> all = new ArrayList<>(aliases);
        all.add(formerKey);
        return new OptionSpec<>(key, type, parser, defaultValue, required, doc, allowedValues, min, max, all, deprecated);
    }

    /** Marks the option deprecated: still accepted, with a warning. */
    public OptionSpec<T> deprecated() {
        return new OptionSpec<>(key, type, parser, defaultValue, required, doc, allowedValues, min, max, aliases, true);
    }

    public String key() {
        return key;
    }

    public OptionType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String doc() {
        return doc;
    }

    public List<String> allowedValues() {
        return allowedValues;
    }

    public Optional<Double> min() {
        return Optional.ofNullable(min);
    }

    public Optional<Double> max() {
        return Optional.ofNullable(max);
    }

    public List<String> aliases() {
        return aliases;
    }

    public boolean isDeprecated() {
        return deprecated;
    }

    public boolean isSecret() {
        return type == OptionType.SECRET;
    }

    /** The default as users would write it, e.g. {@code 5s} for a duration. */
    public Optional<String> defaultValueText() {
        return Optional.ofNullable(defaultValue).map(OptionSpec::display);
    }

    /**
     * Parses and checks a raw value from the pipeline file.
     *
     * @throws IllegalArgumentException with a message that names what was expected and, unless
     *     the option is secret, the value given
     */
    public T parse(Object raw) {
        T value;
        try {
            value = parser.apply(raw);
        }
        catch (IllegalArgumentException | ArithmeticException e) {
            if (isSecret()) {
                throw new IllegalArgumentException("expected a string");
            }
            throw e instanceof ArithmeticException
                    ? new IllegalArgumentException("value [" + raw + "] is out of range for " + type.displayName())
                    : (IllegalArgumentException) e;
        }
        check(value);
        return value;
    }

    private void check(T value) {
        if (!allowedValues.isEmpty() && type == OptionType.STRING && !allowedValues.contains(value)) {
            throw new IllegalArgumentException("expected one of " + allowedValues + ", got [" + value + "]"
                    + DidYouMean.suggest(String.valueOf(value), allowedValues).map(s -> "; did you mean [" + s + "]?").orElse(""));
        }
        if (!allowedValues.isEmpty() && type == OptionType.STRING_LIST) {
            for (Object element : (List<?>) value) {
                if (!allowedValues.contains(element)) {
                    throw new IllegalArgumentException("expected values from " + allowedValues + ", got [" + element + "]");
                }
            }
        }
        Double numeric = value instanceof Number number ? Double.valueOf(number.doubleValue())
                : value instanceof Duration duration ? Double.valueOf(duration.toMillis()) : null;
        if (numeric != null && min != null && numeric < min) {
            throw new IllegalArgumentException("must be at least [" + boundText(min) + "], got [" + display(value) + "]");
        }
        if (numeric != null && max != null && numeric > max) {
            throw new IllegalArgumentException("must be at most [" + boundText(max) + "], got [" + display(value) + "]");
        }
    }

    private String boundText(double bound) {
        if (type == OptionType.DURATION) {
            return Durations.format(Duration.ofMillis((long) bound));
        }
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static String display(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof Enum<?> constant) {
            return enumName(constant);
        }
        return String.valueOf(value);
    }

    /** A short description of the type, with allowed values: {@code int}, {@code one of [csv, json]}. */
    public String typeDescription() {
        if (!allowedValues.isEmpty()) {
            return (type == OptionType.STRING_LIST ? "list of " : "one of ") + allowedValues;
        }
        return type.displayName();
    }

    @Override
    public String toString() {
        return "OptionSpec{" + key + ": " + typeDescription() + (required ? ", required" : "")
                + defaultValueText().map(d -> ", default " + d).orElse("") + "}";
    }

    private static String asString(Object raw) {
        if (raw instanceof String text) {
            return text;
        }
        if (raw instanceof WrittenNumber number) {
            return number.text();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        throw new IllegalArgumentException("expected a string, got " + describeRaw(raw));
    }

    private static long asLong(Object raw) {
        // Messages show raw, so a written number appears as the user wrote it.
        Object parsed = raw instanceof WrittenNumber written ? written.value() : raw;
        if (parsed instanceof Integer || parsed instanceof Long || parsed instanceof Short || parsed instanceof Byte) {
            return ((Number) parsed).longValue();
        }
        if (parsed instanceof Number number) {
            double value = number.doubleValue();
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException("expected a whole number, got [" + raw + "]");
            }
            if (value < -0x1p63 || value >= 0x1p63) {
                throw new ArithmeticException("long overflow");
            }
            return (long) value;
        }
        if (raw instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got [" + text + "]");
            }
        }
        throw new IllegalArgumentException("expected a whole number, got " + describeRaw(raw));
    }

    private static double asDouble(Object raw) {
        if (raw instanceof Number number) {
            double value = number.doubleValue();
            // A number in the file is finite as written; infinite means too large, e.g. 1234e567.
            if (Double.isInfinite(value)) {
                throw new ArithmeticException("double overflow");
            }
            return value;
        }
        if (raw instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got [" + text + "]");
            }
        }
        throw new IllegalArgumentException("expected a number, got " + describeRaw(raw));
    }

    private static boolean asBoolean(Object raw) {
        if (raw instanceof Boolean value) {
            return value;
        }
        if (raw instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("expected true or false, got " + describeRaw(raw));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) map));
        }
        throw new IllegalArgumentException("expected a block { ... }, got " + describeRaw(raw));
    }

    static String describeRaw(Object raw) {
        if (raw instanceof List<?>) {
            return "a list";
        }
        if (raw instanceof Map<?, ?> map) {
            return "a block with keys " + map.keySet().stream().map(String::valueOf).collect(Collectors.toList());
        }
        return "[" + raw + "]";
    }
}
