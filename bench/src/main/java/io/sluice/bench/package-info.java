/**
 * The side-by-side benchmark: {@link io.sluice.bench.BenchMain} starts a broker, fills a topic,
 * runs each {@link io.sluice.bench.Variant} in its own JVM ({@link io.sluice.bench.VariantLauncher},
 * {@link io.sluice.bench.SluiceRun}), searches sustained rates ({@link io.sluice.bench.RateSearch}),
 * measures Sluice's state stores ({@link io.sluice.bench.StateRun}) and reports medians, ratios and
 * count checks ({@link io.sluice.bench.BenchReport}). {@link io.sluice.bench.BenchBroker} also
 * keeps a filled broker running for harnesses started with {@code --bootstrap-servers}.
 */
package io.sluice.bench;
