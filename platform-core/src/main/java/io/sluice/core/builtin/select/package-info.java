/**
 * The built-in field-shaping transforms: {@code select} keeps listed fields in a given order,
 * {@code rename} renames fields, {@code drop} removes fields. They change only fields; key,
 * payload, event time and origin pass through.
 */
package io.sluice.core.builtin.select;
