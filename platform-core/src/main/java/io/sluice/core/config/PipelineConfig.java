package io.sluice.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A loaded pipeline file: settings and the raw blocks of every plugin it names, checked for
 * shape (types, names, top-level keys) but not yet bound to plugins.
 *
 * @param file how the user named the file, for messages
 * @param settings the {@code pipeline} block
 * @param sources the {@code sources} list, in order
 * @param transforms the {@code transforms} list, in order
 * @param state the {@code state} block, if any (the checkpoint store is the default)
 * @param sinks the {@code sinks} list, in order
 * @param tolerance {@code errors.tolerance}
 * @param deadLetter {@code errors.dead-letter}, if any
 * @param fingerprint a digest of the resolved file, to tell whether a checkpoint was made by this pipeline
 */
public record PipelineConfig(
        String file,
        PipelineSettings settings,
        List<ComponentConfig> sources,
        List<ComponentConfig> transforms,
        Optional<ComponentConfig> state,
        List<ComponentConfig> sinks,
        ErrorTolerance tolerance,
        Optional<ComponentConfig> deadLetter,
        String fingerprint) {
    public PipelineConfig {
        requireNonNull(file, "file is null");
        requireNonNull(settings, "settings is null");
        sources = List.copyOf(sources);
        transforms = List.copyOf(transforms);
        requireNonNull(state, "state is null");
        sinks = List.copyOf(sinks);
        requireNonNull(tolerance, "tolerance is null");
        requireNonNull(deadLetter, "deadLetter is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
