package io.sluice.hdfs;

/** Date directories from a record's time, in UTC. */
public enum HdfsTimePartitioning {
    NONE,
    /** {@code dt=2026-11-30} */
    DAY,
    /** {@code dt=2026-11-30/hour=05} */
    HOUR
}
