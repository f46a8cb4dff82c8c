package io.sluice.api.option;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plugin's parsed options, read through the same {@link OptionSpec} constants that declared them.
 * Immutable. Serializable, so a plugin may keep it in an object shipped to executors; secrets stay
 * {@link Secret}s and {@link #toString()} masks them.
 */
public final class Options implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;
    private final transient List<OptionProblem> warnings;

    Options(Map<OptionSpec<?>, Object> parsed, List<OptionProblem> warnings) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        parsed.forEach((spec, value) -> byKey.put(spec.key(), value));
        this.values = Collections.unmodifiableMap(byKey);
        this.warnings = List.copyOf(warnings);
    }

    /** Options for a plugin that was given none; every option reads as its default. */
    public static Options empty() {
        return new Options(Map.of(), List.of());
    }

    /**
     * The option's value, or its default when unset.
     *
     * @throws IllegalStateException if the option is unset and has no default; use {@link #find} for optional options
     */
    public <T> T get(OptionSpec<T> spec) {
        return find(spec).orElseThrow(() -> new IllegalStateException(
                "Option [" + spec.key() + "] is not set and has no default; declare it required or read it with find()"));
    }

    /** The option's value, its default when unset, or empty when it has neither. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(OptionSpec<T> spec) {
        Object value = values.get(spec.key());
        return value != null ? Optional.of((T) value) : spec.defaultValue();
    }

    /** Whether the pipeline file set the option (defaults do not count). */
    public boolean isSet(OptionSpec<?> spec) {
        return values.containsKey(spec.key());
    }

    /** Deprecated keys and former names used; the runtime prints them as warnings. */
    public List<OptionProblem> warnings() {
        return warnings == null ? List.of() : warnings;
    }

    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Options that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

}
