package io.sluice.core.builtin.aggregate;

/** The aggregate functions; {@link #invertible()} ones can be subtracted back out of a window. */
public enum AggregateFunction {
    COUNT(true),
    SUM(true),
    AVG(true),
    MIN(false),
    MAX(false);

    private final boolean invertible;

    AggregateFunction(boolean invertible) {
        this.invertible = invertible;
    }

    public boolean invertible() {
        return invertible;
    }
}
