/**
 * The built-in {@code parse} transform: turns a record's payload (or a text field) into typed
 * fields, from CSV, a JSON object, a regular expression with named groups, or {@code key=value}
 * pairs. Parsers are built once when the pipeline is planned and shipped to executors; they keep
 * no per-record helpers besides the output they build.
 */
package io.sluice.core.builtin.parse;
