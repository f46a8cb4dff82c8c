/** JMH microbenchmarks of the per-record path; {@code FusedChainBenchmark} lives in {@code io.sluice.core.plan}. */
package io.sluice.bench.jmh;
