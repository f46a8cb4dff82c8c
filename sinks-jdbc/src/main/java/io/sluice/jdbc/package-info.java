/**
 * The {@code jdbc} sink: rows to PostgreSQL ({@code ON CONFLICT}), MariaDB/MySQL
 * ({@code ON DUPLICATE KEY UPDATE}) or H2 ({@code MERGE}), in JDBC batches on a HikariCP pool per
 * JVM. Three deliveries: {@code append}; {@code upsert} by key (idempotent); and
 * {@code exactly-once}, where a batch's rows, a marker and the sources' positions commit in one
 * transaction, a batch whose marker exists is skipped, and sources resume from the stored positions.
 */
package io.sluice.jdbc;
