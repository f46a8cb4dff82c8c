/**
 * The built-in {@code filter} transform: keeps the records for which a JEXL expression over their
 * fields is true. Expressions are compiled on the driver to report syntax errors before the
 * pipeline starts, and again (once per function copy) on executors, where the compiled form is
 * cached in a transient field. Expressions can read fields and call String and Math methods;
 * they cannot create objects, assign, loop or reach any other class.
 */
package io.sluice.core.builtin.filter;
