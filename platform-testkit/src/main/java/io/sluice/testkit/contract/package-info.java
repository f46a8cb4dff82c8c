/**
 * Contract suites a connector's tests subclass: {@link io.sluice.testkit.contract.SinkContractTest}
 * and {@link io.sluice.testkit.contract.StateStoreContractTest}. Each is a JUnit 5 abstract class
 * that drives the plugin through the API as the runtime does, and asks the subclass only for the
 * factory, options pointing at a fresh target, and a way to read the target back.
 */
package io.sluice.testkit.contract;
