/**
 * Test fixtures for Sluice and third-party plugins: in-memory source and sink plugins
 * ({@code memory}), and contract suites that any connector runs to prove it behaves.
 */
package io.sluice.testkit;
