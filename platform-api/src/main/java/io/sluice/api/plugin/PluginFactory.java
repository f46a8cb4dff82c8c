package io.sluice.api.plugin;

import io.sluice.api.option.OptionSpecs;

/**
 * What every factory tells the runtime before anything is created: the type name users write,
 * a one-line description, and its option specs. Factories are stateless singletons created by
 * Guice on the driver; {@code create} methods on the sub-interfaces may be called several times
 * (once per use in a pipeline) and from the driver thread only.
 */
public interface PluginFactory {
    /** The name users write as {@code type = ...}: short, lowercase, hyphenated; unique per kind. */
    String type();

    /** One sentence saying what the plugin does, for {@code sluice plugins list}. */
    String description();

    /** Every option the plugin accepts. */
    OptionSpecs options();

    /** The plugin's version, shown by {@code sluice plugins list}; defaults to its jar's implementation version. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
