package io.sluice.api.delivery;

/** The end-to-end guarantee of a pipeline, as the runtime derives it from its source and sinks. */
public enum DeliveryGuarantee {
    AT_MOST_ONCE("at-most-once"),
    AT_LEAST_ONCE("at-least-once"),
    EXACTLY_ONCE("exactly-once");

    private final String label;

    DeliveryGuarantee(String label) {
        this.label = label;
    }

    /** The lowercase, hyphenated name printed to users. */
    public String label() {
        return label;
    }
}
