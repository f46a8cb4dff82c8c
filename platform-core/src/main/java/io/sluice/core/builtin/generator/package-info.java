/**
 * The {@code generator} source: deterministic synthetic log lines ({@code timestamp,host,level,message})
 * for demos, tests and benchmarks. Record number N is a pure function of the seed and N, and the
 * records of a batch are a pure function of the batch time, so a replayed batch regenerates the
 * same records and the source is replayable without any external system.
 */
package io.sluice.core.builtin.generator;
