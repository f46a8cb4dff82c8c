package io.sluice.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

import io.sluice.api.error.SluiceException;
import io.sluice.api.plugin.PluginModule;

/**
 * Finds plugin modules on the class path (built-ins) and in a plugin directory, where each
 * sub-directory is one plugin bundle whose jars (sorted by name) join the plugin class path, and
 * builds the one injector they are installed into.
 *
 * <p>All bundles share one class loader whose parent is the application loader. Per-bundle
 * isolation (Trino's shape) would keep two bundles' dependency versions apart, but Spark
 * deserializes tasks and checkpoints with a single context class loader, so every class a
 * plugin ships to executors must be visible from one loader; isolation needs a loader that
 * routes by package, which is future work.
 */
public final class PluginLoader {
    private PluginLoader() {}

    /**
     * Builds the class loader for the bundles under {@code pluginDirectory}, or returns the parent
     * when the directory is absent.
     */
    public static ClassLoader pluginClassLoader(Path pluginDirectory, ClassLoader parent) {
        if (pluginDirectory == null || !Files.isDirectory(pluginDirectory)) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(pluginDirectory)) {
            for (Path bundle : bundles.filter(Files::isDirectory).sorted().toList()) {
                List<Path> bundleJars;
                try (Stream<Path> files = Files.list(bundle)) {
                    bundleJars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
                }
                if (bundleJars.isEmpty()) {
                    throw SluiceException.user("plugin directory [" + bundle + "] holds no jar; a bundle is a directory of jars");
                }
                for (Path jar : bundleJars) {
                    jars.add(toUrl(jar));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin directory " + pluginDirectory, e);
        }
        return jars.isEmpty() ? parent : new URLClassLoader("sluice-plugins", jars.toArray(URL[]::new), parent);
    }

    /** Finds every plugin module visible from {@code loader} and builds the registry of their factories. */
    public static PluginRegistry load(ClassLoader loader) {
        List<PluginModule> modules = new ArrayList<>();
        for (ServiceLoader.Provider<PluginModule> provider : ServiceLoader.load(PluginModule.class, loader).stream().toList()) {
            modules.add(provider.get());
        }
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        registry.classLoader(loader);
        return registry;
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        }
        catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad plugin jar path " + jar, e);
        }
    }
}
