package io.sluice.api;

/**
 * The version of this API, reported to plugins through
 * {@link io.sluice.api.plugin.PluginContext#apiVersion()}. The major number changes only when
 * a released contract breaks; additions (new default methods) raise the minor number.
 */
public final class ApiVersion {
    /** Major version: plugins built against another major version are refused. */
    public static final int MAJOR = 1;
    /** Minor version: raised by compatible additions. */
    public static final int MINOR = 0;

    private ApiVersion() {}

    /** Returns {@code MAJOR.MINOR}. */
    public static String current() {
        return MAJOR + "." + MINOR;
    }
}
