package io.sluice.core.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigParseable;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

import io.sluice.api.option.DidYouMean;
import io.sluice.api.option.OptionProblem;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.OptionsException;
import io.sluice.api.option.WrittenNumber;
import io.sluice.api.plugin.PluginKind;

/**
 * Reads a pipeline file: HOCON with {@code include} (a missing include is an error, unlike plain
 * HOCON), {@code ${ENV_VAR}} substitution and {@code --set key=value} overrides (list elements by
 * index: {@code sinks.0.batch-size=100}). Checks the file's shape and collects every problem with
 * its file and line before failing once. Plugin options are checked later, by the binder, against
 * the plugins' own specs.
 */
public final class PipelineConfigLoader {
    private static final List<String> TOP_LEVEL_KEYS = List.of("pipeline", "sources", "transforms", "state", "sinks", "errors");
    private static final OptionSpec<ErrorTolerance> TOLERANCE = OptionSpec.oneOf("tolerance", ErrorTolerance.class)
            .defaultValue(ErrorTolerance.NONE)
            .doc("none: a bad record stops the pipeline; all: bad records go to the dead-letter sink");
    private static final OptionSpec<Map<String, Object>> DEAD_LETTER = OptionSpec.object("dead-letter")
            .doc("The sink bad records go to, e.g. { type = file, path = \"file:./work/dlq\" }");
    private static final OptionSpecs ERRORS_SPECS = OptionSpecs.of(TOLERANCE, DEAD_LETTER);

    /**
     * Loads and checks a pipeline file.
     *
     * @param file the file as the user named it
     * @param overrides {@code key=value} pairs, applied in order after the file is read
     * @throws PipelineConfigException listing every problem found
     */
    public PipelineConfig load(Path file, List<String> overrides) {
        String fileLabel = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new PipelineConfigException(List.of(new ConfigProblem(fileLabel, "", "file not found")));
        }
        Config config;
        try {
            ConfigParseOptions parseOptions = ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false)
                    .setIncluder(new RequiredIncluder());
            config = ConfigFactory.parseFile(file.toFile(), parseOptions);
            config = applyOverrides(config, overrides);
            config = config.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(true));
        }
        catch (MissingInclude e) {
            throw new PipelineConfigException(List.of(new ConfigProblem(includeLocation(file, fileLabel, e.what), "",
                    "include [" + e.what + "] names no file; includes are relative to the including file")));
        }
        catch (ConfigException e) {
            throw new PipelineConfigException(List.of(problemOf(e, file, fileLabel)));
        }
        return new Reader(file, fileLabel).read(config);
    }

    private static Config applyOverrides(Config config, List<String> overrides) {
        Config result = config;
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException.Generic("--set [" + override + "] must have the form key=value");
            }
            String path = override.substring(0, equals).trim();
            String text = override.substring(equals + 1).trim();
            ConfigValue value;
            try {
                value = ConfigFactory.parseString("v = " + text, ConfigParseOptions.defaults().setOriginDescription("--set " + path))
                        .getValue("v");
            }
            catch (ConfigException e) {
                // Not HOCON (e.g. contains ':' or '#'): take it as a plain string.
                value = ConfigValueFactory.fromAnyRef(text, "--set " + path);
            }
            result = setPath(result, path, value);
        }
        return result;
    }

    // HOCON paths cannot index lists; overrides such as sinks.0.batch-size are common, so walk them here.
    private static Config setPath(Config config, String path, ConfigValue value) {
        String[] segments = path.split("\\.");
        int listAt = -1;
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].chars().allMatch(Character::isDigit)) {
                listAt = i;
                break;
            }
        }
        if (listAt < 0) {
            return config.withValue(path, value);
        }
        String listPath = String.join(".", List.of(segments).subList(0, listAt));
        int index = Integer.parseInt(segments[listAt]);
        if (!config.hasPath(listPath) || config.getValue(listPath).valueType() != ConfigValueType.LIST) {
            throw new ConfigException.BadPath(path, "[" + listPath + "] is not a list in the pipeline file");
        }
        ConfigList list = config.getList(listPath);
        if (index >= list.size()) {
            throw new ConfigException.BadPath(path, "[" + listPath + "] has " + list.size() + " elements, no index " + index);
        }
        String rest = String.join(".", List.of(segments).subList(listAt + 1, segments.length));
        List<ConfigValue> elements = new ArrayList<>(list);
        ConfigValue element = elements.get(index);
        if (rest.isEmpty()) {
            elements.set(index, value);
        }
        else if (element instanceof ConfigObject object) {
            elements.set(index, setPath(object.toConfig(), rest, value).root());
        }
        else {
            throw new ConfigException.BadPath(path, "[" + listPath + "." + index + "] is not a block");
        }
        return config.withValue(listPath, ConfigValueFactory.fromIterable(elements));
    }

    private static ConfigProblem problemOf(ConfigException e, Path file, String fileLabel) {
        ConfigOrigin origin = e.origin();
        String message = e.getMessage();
        // Typesafe Config prefixes its messages with the origin; we print our own.
        if (origin != null && message.startsWith(origin.description())) {
            message = message.substring(origin.description().length()).replaceFirst("^:\\s*", "");
        }
        if (e instanceof ConfigException.UnresolvedSubstitution) {
            message = message + " (set the environment variable, or give the key a value)";
        }
        return new ConfigProblem(locationOf(origin, file, fileLabel), "", message);
    }

    /** The line of the include statement, found by reading the file: Typesafe Config does not report it. */
    private static String includeLocation(Path file, String fileLabel, String what) {
        try {
            List<String> lines = Files.readAllLines(file, UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("include") && line.contains(what)) {
                    return fileLabel + ":" + (i + 1);
                }
            }
        }
        catch (java.io.IOException e) {
            // Fall through to the file alone.
        }
        return fileLabel;
    }

    static String locationOf(ConfigOrigin origin, Path file, String fileLabel) {
        if (origin == null) {
            return fileLabel;
        }
        String name = fileLabel;
        if (origin.filename() != null) {
            Path originFile = Path.of(origin.filename()).toAbsolutePath().normalize();
            name = originFile.equals(file.toAbsolutePath().normalize()) ? fileLabel : origin.filename();
        }
        else if (origin.description() != null && origin.description().startsWith("--set")) {
            return origin.description();
        }
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }

    /** One pass over a parsed file, collecting problems. */
    private static final class Reader {
        private final Path file;
        private final String fileLabel;
        private final List<ConfigProblem> problems = new ArrayList<>();
        private final Set<String> streamNames = new LinkedHashSet<>();

        Reader(Path file, String fileLabel) {
            this.file = file;
            this.fileLabel = fileLabel;
        }

        PipelineConfig read(Config config) {
            ConfigObject root = config.root();
            for (String key : root.keySet()) {
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    problems.add(new ConfigProblem(location(root.get(key)), "", "unknown top-level key [" + key + "]"
                            + DidYouMean.suggest(key, TOP_LEVEL_KEYS).map(s -> "; did you mean [" + s + "]?")
                                    .orElse("; allowed keys are " + TOP_LEVEL_KEYS)));
                }
            }
            PipelineSettings settings = readSettings(root);
            List<ComponentConfig> sources = readList(root, "sources", PluginKind.SOURCE, true);
            List<ComponentConfig> transforms = readList(root, "transforms", PluginKind.TRANSFORM, false);
            Optional<ComponentConfig> state = Optional.ofNullable(root.get("state"))
                    .flatMap(value -> readComponent(value, "state", PluginKind.STATE_STORE));
            List<ComponentConfig> sinks = readList(root, "sinks", PluginKind.SINK, true);

            ErrorTolerance tolerance = ErrorTolerance.NONE;
            Optional<ComponentConfig> deadLetter = Optional.empty();
            ConfigValue errors = root.get("errors");
            if (errors != null) {
                Optional<Options> options = parseBlock(errors, "errors", ERRORS_SPECS);
                if (options.isPresent()) {
                    tolerance = options.get().get(TOLERANCE);
                    ConfigValue deadLetterValue = ((ConfigObject) errors).get("dead-letter");
                    if (deadLetterValue != null) {
                        deadLetter = readComponent(deadLetterValue, "errors.dead-letter", PluginKind.SINK);
                    }
                    if (tolerance == ErrorTolerance.ALL && deadLetterValue == null) {
                        problems.add(new ConfigProblem(location(errors), "errors",
                                "tolerance [all] needs a [dead-letter] sink, e.g. dead-letter = { type = file, path = \"file:./work/dlq\" }"));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new PipelineConfigException(problems);
            }
            return new PipelineConfig(fileLabel, settings, sources, transforms, state, sinks, tolerance, deadLetter, fingerprint(config));
        }

        private PipelineSettings readSettings(ConfigObject root) {
            ConfigValue block = root.get("pipeline");
            if (block == null) {
                problems.add(new ConfigProblem(fileLabel, "", "missing [pipeline] block, e.g. pipeline { name = my-pipeline }"));
                return null;
            }
            return parseBlock(block, "pipeline", PipelineSettings.SPECS).map(PipelineSettings::from).orElse(null);
        }

        private Optional<Options> parseBlock(ConfigValue block, String path, OptionSpecs specs) {
            if (!(block instanceof ConfigObject object)) {
                problems.add(new ConfigProblem(location(block), "", "[" + path + "] must be a block { ... }"));
                return Optional.empty();
            }
            try {
                return Optional.of(specs.parse(unwrap(object)));
            }
            catch (OptionsException e) {
                for (OptionProblem problem : e.problems()) {
                    ConfigValue value = object.get(problem.key());
                    problems.add(new ConfigProblem(location(value == null ? object : value), path,
                            "option [" + problem.key() + "] " + problem.message()));
                }
                return Optional.empty();
            }
        }


        private List<ComponentConfig> readList(ConfigObject root, String key, PluginKind kind, boolean required) {
            ConfigValue value = root.get(key);
            if (value == null) {
                if (required) {
                    problems.add(new ConfigProblem(fileLabel, "", "missing [" + key + "]: a pipeline needs at least one "
                            + kind.displayName()));
                }
                return List.of();
            }
            if (!(value instanceof ConfigList list)) {
                problems.add(new ConfigProblem(location(value), "", "[" + key + "] must be a list [ { type = ... }, ... ]"));
                return List.of();
            }
            if (list.isEmpty() && required) {
                problems.add(new ConfigProblem(location(value), "", "[" + key + "] is empty: a pipeline needs at least one "
                        + kind.displayName()));
            }
            List<ComponentConfig> components = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                readComponent(list.get(i), key + "[" + i + "]", kind).ifPresent(components::add);
            }
            return components;
        }

        private Optional<ComponentConfig> readComponent(ConfigValue value, String path, PluginKind kind) {
            if (!(value instanceof ConfigObject object)) {
                problems.add(new ConfigProblem(location(value), "", "[" + path + "] must be a block { type = ..., ... }"));
                return Optional.empty();
            }
            Map<String, String> locations = new HashMap<>();
            locations.put("", location(object));
            object.forEach((key, child) -> locations.put(key, location(child)));

            Map<String, Object> options = new LinkedHashMap<>(unwrap(object));
            Object type = options.remove("type");
            String typeName = nameText(type).orElse("");
            if (typeName.isBlank()) {
                problems.add(new ConfigProblem(location(object), path, type == null
                        ? "missing [type]: say which " + kind.displayName() + " plugin this block uses"
                        : "[type] must be a plugin name, got " + describe(type)));
                return Optional.empty();
            }
            String name = path;
            Object nameValue = options.remove("name");
            if (nameValue != null) {
                String text = nameText(nameValue).orElse("");
                if (!text.matches("[A-Za-z0-9_.-]+")) {
                    problems.add(new ConfigProblem(locations.get("name"), path + " (" + typeName + ")",
                            "[name] must be letters, digits, '_', '-' or '.', got " + describe(nameValue)));
                    return Optional.empty();
                }
                name = text;
            }
            else if (kind == PluginKind.SOURCE) {
                name = typeName;
            }
            // Sources are always addressable; a transform only when it has a name.
            if (kind == PluginKind.SOURCE || kind == PluginKind.TRANSFORM && nameValue != null) {
                if (!streamNames.add(name)) {
                    problems.add(new ConfigProblem(locations.getOrDefault("name", locations.get("")), path + " (" + typeName + ")",
                            "duplicate stream name [" + name + "]; give each source and transform its own [name]"));
                }
            }
            Optional<String> input = Optional.empty();
            if (kind == PluginKind.TRANSFORM || kind == PluginKind.SINK) {
                Object inputValue = options.remove("input");
                if (inputValue != null) {
                    Optional<String> inputText = nameText(inputValue);
                    if (inputText.isEmpty()) {
                        problems.add(new ConfigProblem(locations.get("input"), path + " (" + typeName + ")",
                                "[input] must be the name of a source or transform, got " + describe(inputValue)));
                    }
                    else if (!streamNames.contains(inputText.get())) {
                        problems.add(new ConfigProblem(locations.get("input"), path + " (" + typeName + ")",
                                "[input] names no earlier source or transform: [" + inputText.get() + "]"
                                        + DidYouMean.suggest(inputText.get(), streamNames).map(s -> "; did you mean [" + s + "]?")
                                                .orElse("; known streams are " + streamNames)));
                    }
                    else {
                        input = inputText;
                    }
                }
            }
            return Optional.of(new ComponentConfig(kind, path, typeName, name, input, options, locations));
        }

        private String location(ConfigValue value) {
            return locationOf(value.origin(), file, fileLabel);
        }
    }

    /** A block's raw values for option specs; keys set to {@code null} are left out, as if unset. */
    private static Map<String, Object> unwrap(ConfigObject object) {
        Map<String, Object> raw = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            Object unwrapped = unwrap(value);
            if (unwrapped != null) {
                raw.put(key, unwrapped);
            }
        });
        return raw;
    }

    /**
     * Like {@link ConfigValue#unwrapped()}, at every depth, except that a number whose written
     * text differs from how Java prints its value ({@code 0042}, {@code 1e3}) becomes a
     * {@link WrittenNumber}, so a text option gets the text as written.
     */
    private static Object unwrap(ConfigValue value) {
        if (value instanceof ConfigObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((key, child) -> map.put(key, unwrap(child)));
            return map;
        }
        if (value instanceof ConfigList list) {
            List<Object> elements = new ArrayList<>(list.size());
            list.forEach(element -> elements.add(unwrap(element)));
            return elements;
        }
        Object unwrapped = value.unwrapped();
        if (unwrapped instanceof Number number) {
            // getString gives a number's original text; render() and unwrapped() do not.
            String text = value.atKey("n").getString("n");
            if (!text.equals(number.toString())) {
                return WrittenNumber.of(number, text);
            }
        }
        return unwrapped;
    }

    /** A value used as a name (plugin type, stream name, input): text, or a number as written. */
    private static Optional<String> nameText(Object value) {
        return value instanceof String || value instanceof Number ? Optional.of(value.toString()) : Optional.empty();
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a block" : value instanceof List<?> ? "a list" : "[" + value + "]";
    }

    private static String fingerprint(Config config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(config.root().render(ConfigRenderOptions.concise()).getBytes(UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Includes must exist: plain HOCON skips a missing include silently, which hides typos. */
    private static final class RequiredIncluder implements ConfigIncluder, ConfigIncluderFile {
        private ConfigIncluder fallback;

        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            this.fallback = fallback;
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            ConfigParseable parseable = context.relativeTo(what);
            if (parseable == null) {
                if (fallback != null) {
                    return fallback.include(context, what);
                }
                throw new MissingInclude(what);
            }
            try {
                return parseable.parse(parseable.options().setAllowMissing(false));
            }
            catch (ConfigException.IO e) {
                throw new MissingInclude(what);
            }
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, File what) {
            try {
                return ConfigFactory.parseFile(what, context.parseOptions().setAllowMissing(false)).root();
            }
            catch (ConfigException.IO e) {
                throw new MissingInclude(what.getPath());
            }
        }
    }

    /** An include that names no file. */
    private static final class MissingInclude extends ConfigException {
        private static final long serialVersionUID = 1L;
        private final String what;

        MissingInclude(String what) {
            super("missing include " + what);
            this.what = what;
        }
    }
}
