/**
 * Test fixtures for Sluice and third-party plugins: in-memory source and sink plugins
 * ({@code memory}); a {@link io.sluice.testkit.TestingPluginContext} and
 * {@link io.sluice.testkit.TestingWriterContext} for calling factories and writers directly;
 * {@link io.sluice.testkit.Serialization} round trips as Spark ships closures and checkpoints;
 * {@link io.sluice.testkit.OptionsAssertions} for exhaustive option tests; and the contract
 * suites in {@code contract} that any connector runs to prove it behaves.
 */
package io.sluice.testkit;
