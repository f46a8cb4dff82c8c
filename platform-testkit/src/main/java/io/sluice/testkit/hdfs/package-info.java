/** An in-process HDFS for tests that write checkpoints or files to {@code hdfs://}. */
package io.sluice.testkit.hdfs;
