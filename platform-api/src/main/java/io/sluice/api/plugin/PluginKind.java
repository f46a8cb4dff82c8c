package io.sluice.api.plugin;

/** The four kinds of plugin, as named in the pipeline file's sections. */
public enum PluginKind {
    SOURCE("source"),
    TRANSFORM("transform"),
    STATE_STORE("state"),
    SINK("sink");

    private final String displayName;

    PluginKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
