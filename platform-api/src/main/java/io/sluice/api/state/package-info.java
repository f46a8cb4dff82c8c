/**
 * Where keyed state lives. A stateful transform asks the pipeline's
 * {@link io.sluice.api.state.StateStore} for its {@link io.sluice.api.state.StateStorage}: kept by
 * the engine in Spark checkpoints, or kept externally and read and written per partition through
 * a {@link io.sluice.api.state.StateAccessor}, guarded by batch time so a replayed batch is not
 * applied twice.
 */
package io.sluice.api.state;
