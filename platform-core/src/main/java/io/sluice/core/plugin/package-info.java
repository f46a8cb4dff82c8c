/**
 * Plugin discovery and registration: {@link io.sluice.core.plugin.PluginLoader} finds
 * {@link io.sluice.api.plugin.PluginModule}s on the class path and in plugin directories,
 * {@link io.sluice.core.plugin.PluginRegistry} keys their factories by type name, and
 * {@link io.sluice.core.plugin.PipelineBinder} binds a pipeline file's blocks to factories and options.
 */
package io.sluice.core.plugin;
