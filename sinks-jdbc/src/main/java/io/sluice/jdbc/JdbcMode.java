package io.sluice.jdbc;

/** How the {@code jdbc} sink writes rows. */
public enum JdbcMode {
    /** Plain inserts: a replayed batch inserts its rows again unless {@code exactly-once} is on. */
    APPEND,
    /** Insert or replace by the {@code key} columns: a replayed batch leaves the same rows. */
    UPSERT
}
