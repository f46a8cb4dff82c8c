/**
 * Keyed aggregates ({@code aggregate}, {@code count-by-value}) per batch or per sliding window,
 * and the aggregation machinery the {@code stateful} transform shares: specs such as
 * {@code sum(bytes) as total}, group keys, and partial aggregates that merge and, for count, sum
 * and avg, un-merge, so sliding windows use Spark's inverse-function window reduction.
 */
package io.sluice.core.builtin.aggregate;
