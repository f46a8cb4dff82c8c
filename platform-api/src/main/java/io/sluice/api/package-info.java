/**
 * The Sluice platform API: the contract between the Sluice runtime and connector plugins.
 *
 * <p>A plugin depends on this module only (scope {@code provided}), implements one or more
 * factories ({@link io.sluice.api.source.SourceFactory}, {@link io.sluice.api.transform.TransformFactory},
 * {@link io.sluice.api.state.StateStoreFactory}, {@link io.sluice.api.sink.SinkFactory}) and registers
 * them in a {@link io.sluice.api.plugin.PluginModule} listed in
 * {@code META-INF/services/io.sluice.api.plugin.PluginModule}.
 *
 * <p>Only sources and stream transforms see Spark DStream types; records, record functions,
 * option specs, sink writers and state accessors are engine-neutral.
 */
package io.sluice.api;
