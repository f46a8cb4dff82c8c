package io.sluice.core.builtin.aggregate;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One aggregate as users write it: {@code count}, {@code count(field)}, {@code sum(bytes)},
 * {@code avg(latency) as mean_latency}. Without {@code as}, the output is named {@code count} or
 * {@code <function>_<field>}.
 *
 * @param function the function
 * @param field the input field, or null for {@code count} of rows
 * @param output the output field name
 */
public record AggregateSpec(AggregateFunction function, String field, String output) implements Serializable {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-zA-Z]+)\\s*(?:\\(\\s*([A-Za-z0-9_.-]*|\\*)\\s*\\))?\\s*(?:\\s[aA][sS]\\s+([A-Za-z0-9_.-]+))?\\s*");

    public AggregateSpec {
        requireNonNull(function, "function is null");
        requireNonNull(output, "output is null");
    }

    /**
     * Parses an aggregate.
     *
     * @throws IllegalArgumentException naming the syntax and functions allowed
     */
    public static AggregateSpec parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        String functions = Arrays.stream(AggregateFunction.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read aggregate [" + text + "]; write e.g. [count], [sum(bytes)] or [avg(ms) as mean_ms]");
        }
        AggregateFunction function;
        try {
            function = AggregateFunction.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown aggregate function [" + matcher.group(1) + "] in [" + text + "]; use one of [" + functions + "]");
        }
        String field = matcher.group(2);
        if (field != null && (field.isEmpty() || field.equals("*"))) {
            field = null;
        }
        if (field == null && function != AggregateFunction.COUNT) {
            throw new IllegalArgumentException("aggregate [" + text + "] needs a field, e.g. [" + matcher.group(1) + "(bytes)]");
        }
        String output = matcher.group(3);
        if (output == null) {
            output = field == null ? "count" : function.name().toLowerCase(Locale.ROOT) + "_" + field.replace('.', '_');
        }
        return new AggregateSpec(function, field, output);
    }

    @Override
    public String toString() {
        return function.name().toLowerCase(Locale.ROOT) + (field == null ? "" : "(" + field + ")") + " as " + output;
    }
}
