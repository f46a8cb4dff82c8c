package io.sluice.api.option;

/** The kind of value an option takes, as shown by {@code sluice plugins describe}. */
public enum OptionType {
    STRING("string"),
    INT("int"),
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    /** A length of time with a unit: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 2d}. */
    DURATION("duration"),
    /** A list of strings; a single string is accepted as a one-element list. */
    STRING_LIST("list<string>"),
    /** A string whose value is never shown; parsed to {@link Secret}. */
    SECRET("secret"),
    /** One of a fixed set of lowercase names. */
    ENUM("enum"),
    /** A nested block of keys, passed to the plugin as a map (e.g. a client's own properties). */
    OBJECT("object"),
    /** A list of nested blocks. */
    OBJECT_LIST("list<object>");

    private final String displayName;

    OptionType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
