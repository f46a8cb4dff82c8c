/**
 * Transforms. A {@link io.sluice.api.transform.RecordTransform} gives an engine-neutral
 * {@link io.sluice.api.transform.RecordFunction}; consecutive record transforms are fused by the
 * runtime into one pass. A {@link io.sluice.api.transform.StreamTransform} works on whole streams
 * (windows, keyed state, joins) and is the one place besides sources that sees DStreams.
 */
package io.sluice.api.transform;
