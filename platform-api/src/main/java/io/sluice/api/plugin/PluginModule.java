package io.sluice.api.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.SourceFactory;
import io.sluice.api.state.StateStoreFactory;
import io.sluice.api.transform.TransformFactory;

/**
 * A plugin's Guice module, found by {@link java.util.ServiceLoader}: list the subclass in
 * {@code META-INF/services/io.sluice.api.plugin.PluginModule}. Its {@link #configure()} registers
 * the plugin's factories with the {@code register*} methods and binds whatever those factories
 * inject. Modules only bind: no I/O, no connections; those open lazily where they are used.
 *
 * <pre>{@code
 * public final class JdbcPluginModule extends PluginModule {
 *     protected void configure() {
 *         registerSink(JdbcSinkFactory.class);
 *     }
 * }
 * }</pre>
 *
 * <p>All plugin modules are installed into one injector on the driver; the runtime keys factories
 * by {@link PluginFactory#type()} and fails at start-up, naming both jars, if two plugins claim
 * one type name. Nothing created by the injector is shipped to executors.
 */
public abstract class PluginModule extends AbstractModule {
    /** Registers a source factory; Guice creates it as a singleton. */
    protected final void registerSource(Class<? extends SourceFactory> factory) {
        Multibinder.newSetBinder(binder(), SourceFactory.class).addBinding().to(factory).asEagerSingleton();
    }

    /** Registers a transform factory; Guice creates it as a singleton. */
    protected final void registerTransform(Class<? extends TransformFactory> factory) {
        Multibinder.newSetBinder(binder(), TransformFactory.class).addBinding().to(factory).asEagerSingleton();
    }

    /** Registers a state store factory; Guice creates it as a singleton. */
    protected final void registerStateStore(Class<? extends StateStoreFactory> factory) {
        Multibinder.newSetBinder(binder(), StateStoreFactory.class).addBinding().to(factory).asEagerSingleton();
    }

    /** Registers a sink factory; Guice creates it as a singleton. */
    protected final void registerSink(Class<? extends SinkFactory> factory) {
        Multibinder.newSetBinder(binder(), SinkFactory.class).addBinding().to(factory).asEagerSingleton();
    }
}
