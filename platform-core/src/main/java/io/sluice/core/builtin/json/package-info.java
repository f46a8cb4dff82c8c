/**
 * How built-in sinks render a record as JSON, shared by the {@code console} and {@code file} sinks
 * so both print the same record the same way.
 */
package io.sluice.core.builtin.json;
