/**
 * The {@code hdfs} sink: each batch as jsonl, csv or parquet files on any Hadoop file system URI,
 * in Hive-style partition directories by field values and by date, with a per-batch
 * {@code batch=<time>} directory that a replay replaces. Writers write under {@code _temporary};
 * the driver moves committed files into place.
 */
package io.sluice.hdfs;
