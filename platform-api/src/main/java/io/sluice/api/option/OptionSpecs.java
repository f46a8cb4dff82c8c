package io.sluice.api.option;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All options of one plugin, in the order they are documented. Parses a plugin's block from the
 * pipeline file into {@link Options}, collecting every problem (unknown keys with a suggestion,
 * missing required keys, wrong types, values out of range) before failing once.
 */
public final class OptionSpecs {
    private static final OptionSpecs NONE = new OptionSpecs(List.of());

    private final List<OptionSpec<?>> specs;
    private final Map<String, OptionSpec<?>> byKey;
    private final Map<String, OptionSpec<?>> byAlias;

    private OptionSpecs(List<OptionSpec<?>> specs) {
        this.specs = List.copyOf(specs);
        this.byKey = new LinkedHashMap<>();
        this.byAlias = new LinkedHashMap<>();
        for (OptionSpec<?> spec : specs) {
            if (byKey.put(spec.key(), spec) != null) {
                throw new IllegalArgumentException("Option [" + spec.key() + "] is declared twice");
            }
            for (String alias : spec.aliases()) {
                byAlias.put(alias, spec);
            }
        }
    }

    public static OptionSpecs of(OptionSpec<?>... specs) {
        return new OptionSpecs(List.of(specs));
    }

    public static OptionSpecs of(Collection<OptionSpec<?>> specs) {
        return new OptionSpecs(List.copyOf(specs));
    }

    /** A plugin with no options. */
    public static OptionSpecs none() {
        return NONE;
    }

    /** These specs followed by {@code more}; for plugins that share a common set of options. */
    public OptionSpecs with(OptionSpec<?>... more) {
        List<OptionSpec<?>> all = new ArrayList<>(specs);
        all.addAll(List.of(more));
        return new OptionSpecs(all);
    }

    public List<OptionSpec<?>> specs() {
        return specs;
    }

    public Optional<OptionSpec<?>> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Keys of every secret option, for masking raw configuration. */
    public Set<String> secretKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (OptionSpec<?> spec : specs) {
            if (spec.isSecret()) {
                keys.add(spec.key());
                keys.addAll(spec.aliases());
            }
        }
        return keys;
    }

    /**
     * Parses a plugin's block.
     *
     * @param raw the block's keys and raw values (strings, numbers, booleans, lists, maps)
     * @return the parsed options, with warnings for deprecated keys and aliases
     * @throws OptionsException listing every problem found
     */
    public Options parse(Map<String, ?> raw) {
        requireNonNull(raw, "raw is null");
        List<OptionProblem> problems = new ArrayList<>();
        List<OptionProblem> warnings = new ArrayList<>();
        Map<OptionSpec<?>, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String key = entry.getKey();
            OptionSpec<?> spec = byKey.get(key);
            if (spec == null) {
                spec = byAlias.get(key);
                if (spec != null) {
                    warnings.add(new OptionProblem(key, "is a former name; use [" + spec.key() + "]"));
                }
            }
            if (spec == null) {
                problems.add(new OptionProblem(key, unknownKeyMessage(key)));
                continue;
            }
            if (spec.isDeprecated()) {
                warnings.add(new OptionProblem(key, "is deprecated: " + spec.doc()));
            }
            if (values.containsKey(spec)) {
                problems.add(new OptionProblem(key, "is set twice (also as [" + spec.key() + "] or one of its former names)"));
                continue;
            }
            try {
                values.put(spec, spec.parse(entry.getValue()));
            }
            catch (IllegalArgumentException e) {
                problems.add(new OptionProblem(key, e.getMessage()));
            }
        }
        for (OptionSpec<?> spec : specs) {
            boolean reported = problems.stream().anyMatch(problem -> problem.key().equals(spec.key()) || spec.aliases().contains(problem.key()));
            if (spec.isRequired() && !values.containsKey(spec) && !reported) {
                problems.add(new OptionProblem(spec.key(), "is required: " + spec.doc()));
            }
        }
        if (!problems.isEmpty()) {
            throw new OptionsException(problems);
        }
        return new Options(values, warnings);
    }

    private String unknownKeyMessage(String key) {
        Set<String> known = new LinkedHashSet<>(byKey.keySet());
        known.addAll(byAlias.keySet());
        Optional<String> suggestion = DidYouMean.suggest(key, known);
        if (suggestion.isPresent()) {
            return "is not a known option; did you mean [" + suggestion.get() + "]?";
        }
        return known.isEmpty()
                ? "is not a known option; this plugin takes no options"
                : "is not a known option; known options are " + byKey.keySet();
    }
}
