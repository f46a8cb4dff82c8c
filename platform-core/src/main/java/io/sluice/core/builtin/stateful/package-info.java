/**
 * {@code type = stateful}: running aggregates per key across batches (the seed's
 * {@code updateStateByKey}), kept in whichever state store the pipeline names.
 */
package io.sluice.core.builtin.stateful;
