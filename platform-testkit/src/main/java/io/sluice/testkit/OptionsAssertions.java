package io.sluice.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;

/**
 * Exhaustive option tests in a few lines, after Airlift's {@code ConfigAssertions}: a plugin's
 * options test records every option's default ({@link #assertDefaults}) and parses one block that
 * sets every option to a value that is not its default ({@link #assertFullMapping}). Adding an
 * option without updating the test fails both, naming the option. Each assertion collects every
 * problem and fails once.
 *
 * <pre>{@code
 * OptionsAssertions.assertDefaults(FileSinkOptions.SPECS, Map.of(
 *         "path", NO_DEFAULT, "format", FileSinkFormat.JSONL, "header", false, "fields", NO_DEFAULT,
 *         "compression", FileSinkCompression.NONE));
 * Options options = OptionsAssertions.assertFullMapping(FileSinkOptions.SPECS, Map.of(
 *         "path", "file:/out", "format", "csv", "header", true, "fields", List.of("a"), "compression", "gzip"));
 * }</pre>
 */
public final class OptionsAssertions {
    /** The expected "default" of an option that is required or has no default ({@code Map.of} takes no nulls). */
    public static final Object NO_DEFAULT = new Object() {
        @Override
        public String toString() {
            return "NO_DEFAULT";
        }
    };

    private OptionsAssertions() {}

    /**
     * Asserts that {@code expectedDefaults} records every option of {@code specs}, and nothing
     * else, with its parsed default value ({@code Duration.ofSeconds(2)}, an enum constant, a list),
     * or {@link #NO_DEFAULT} (or null) for an option without one.
     */
    public static void assertDefaults(OptionSpecs specs, Map<String, ?> expectedDefaults) {
        requireNonNull(specs, "specs is null");
        requireNonNull(expectedDefaults, "expectedDefaults is null");
        List<String> problems = new ArrayList<>();
        Set<String> unrecorded = new LinkedHashSet<>();
        for (OptionSpec<?> spec : specs.specs()) {
            if (!expectedDefaults.containsKey(spec.key())) {
                unrecorded.add(spec.key());
                continue;
            }
            Object expected = expectedDefaults.get(spec.key());
            Object actual = spec.defaultValue().orElse(null);
            if (!Objects.equals(expected == NO_DEFAULT ? null : expected, actual)) {
                problems.add("option [" + spec.key() + "] defaults to [" + (actual == null ? NO_DEFAULT : actual) + "], the test expects ["
                        + expected + "]");
            }
        }
        if (!unrecorded.isEmpty()) {
            problems.add(0, "options whose default the test does not record (untested options): " + unrecorded);
        }
        Set<String> unknown = new LinkedHashSet<>(expectedDefaults.keySet());
        specs.specs().forEach(spec -> unknown.remove(spec.key()));
        if (!unknown.isEmpty()) {
            problems.add("the test records defaults of options the specs do not declare: " + unknown);
        }
        failIfAny("defaults", problems);
    }

    /**
     * Parses a block that sets every option of {@code specs} to a value other than its default,
     * and returns the parsed options for the test to check against what it set.
     *
     * @throws AssertionError if an option is not set in {@code raw}, is set to its default value, a
     *     secret option's value shows in the parsed options' {@code toString()}, or parsing fails
     */
    public static Options assertFullMapping(OptionSpecs specs, Map<String, ?> raw) {
        return assertFullMapping(specs, raw, Set.of());
    }

    /**
     * Like {@link #assertFullMapping(OptionSpecs, Map)}, for plugins with options that exclude
     * each other: {@code mappedElsewhere} names the options the test covers in another full
     * mapping (e.g. a Redis {@code uri} versus {@code cluster-nodes}); they must not be set here.
     */
    public static Options assertFullMapping(OptionSpecs specs, Map<String, ?> raw, Set<String> mappedElsewhere) {
        requireNonNull(specs, "specs is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(mappedElsewhere, "mappedElsewhere is null");
        List<String> problems = new ArrayList<>();
        Set<String> unset = new LinkedHashSet<>();
        for (OptionSpec<?> spec : specs.specs()) {
            if (!raw.containsKey(spec.key()) && !mappedElsewhere.contains(spec.key())) {
                unset.add(spec.key());
            }
            if (raw.containsKey(spec.key()) && mappedElsewhere.contains(spec.key())) {
                problems.add("option [" + spec.key() + "] is set although the test says it is mapped elsewhere");
            }
        }
        if (!unset.isEmpty()) {
            problems.add("options the mapping does not set (untested options): " + unset);
        }
        for (String key : mappedElsewhere) {
            if (specs.find(key).isEmpty()) {
                problems.add("option [" + key + "], said to be mapped elsewhere, is not declared");
            }
        }
        failIfAny("full mapping", problems);

        Options options;
        try {
            options = specs.parse(raw);
        }
        catch (RuntimeException e) {
            throw new AssertionError("full mapping: the specs refuse the mapping: " + e.getMessage(), e);
        }
        for (OptionSpec<?> spec : specs.specs()) {
            if (!raw.containsKey(spec.key())) {
                continue;
            }
            Optional<?> value = options.find(spec);
            if (spec.defaultValue().isPresent() && spec.defaultValue().equals(value)) {
                problems.add("option [" + spec.key() + "] is set to its default [" + spec.defaultValueText().orElse("")
                        + "]; set a value that differs so the mapping shows it is read");
            }
            if (spec.isSecret() && raw.get(spec.key()) instanceof String secret && !secret.isEmpty()
                    && options.toString().contains(secret)) {
                problems.add("secret option [" + spec.key() + "] shows in clear text in the parsed options: " + options);
            }
        }
        failIfAny("full mapping", problems);
        return options;
    }

    private static void failIfAny(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": " + String.join("; ", problems));
        }
    }
}
