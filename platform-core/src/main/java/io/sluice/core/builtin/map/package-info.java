/**
 * The built-in {@code map} transform: runs a user's {@link io.sluice.api.transform.RecordFunction},
 * named by class, on every record. The class is loaded and instantiated on the driver, so a wrong
 * name or shape fails {@code sluice validate}; the instance is then serialized to executors like
 * any other record function.
 */
package io.sluice.core.builtin.map;
