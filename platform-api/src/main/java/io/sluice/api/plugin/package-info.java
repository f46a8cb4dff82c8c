/**
 * How plugins are found and what they are given: a {@link io.sluice.api.plugin.PluginModule}
 * (a Guice module listed in {@code META-INF/services}) registers factories; every factory is a
 * {@link io.sluice.api.plugin.PluginFactory} with a type name and option specs; factories create
 * instances with a {@link io.sluice.api.plugin.PluginContext}.
 */
package io.sluice.api.plugin;
