package io.sluice.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

import io.sluice.api.plugin.PluginKind;

/**
 * One block of a pipeline file naming a plugin: a source, transform, state store, sink or the
 * dead-letter sink, with its options still raw.
 *
 * @param kind the kind of plugin the block names
 * @param path where the block is, e.g. {@code sources[0]}, {@code errors.dead-letter}
 * @param type the plugin type ({@code type = ...})
 * @param name the block's name: its {@code name} key, or the path when it has none
 * @param input the stream the block reads ({@code input = ...}), for transforms and sinks
 * @param options every other key with its raw value
 * @param locations file:line of each key, and of the block itself under the empty key
 */
public record ComponentConfig(
        PluginKind kind,
        String path,
        String type,
        String name,
        Optional<String> input,
        Map<String, Object> options,
        Map<String, String> locations) {
    public ComponentConfig {
        requireNonNull(kind, "kind is null");
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(input, "input is null");
        options = Map.copyOf(options);
        locations = Map.copyOf(locations);
    }

    /** File and line of a key, or of the block when the key is not in the file. */
    public String locationOf(String key) {
        return locations.getOrDefault(key, locations.getOrDefault("", "?"));
    }

    /** How messages name the block: {@code sinks[0] (jdbc)}. */
    public String label() {
        return path + " (" + type + ")";
    }
}
