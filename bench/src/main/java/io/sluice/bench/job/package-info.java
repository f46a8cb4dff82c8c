/**
 * The variants that are not Sluice, each run as {@code BenchMain job <variant> <spec>} in a JVM of
 * its own: what it is asked ({@link io.sluice.bench.job.JobSpec}) and what it reports
 * ({@link io.sluice.bench.job.ChildReport}).
 */
package io.sluice.bench.job;
