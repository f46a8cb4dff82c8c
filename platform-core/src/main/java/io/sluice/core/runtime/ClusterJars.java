package io.sluice.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.commons.jexl3.JexlEngine;

import io.sluice.api.record.Record;

/**
 * The jars a Spark cluster's executors need beyond Spark itself, for {@code spark.jars}: the
 * platform API and runtime (record functions, sink jobs, the Kryo registrator run in tasks), the
 * libraries built-ins use in tasks (JEXL), and every plugin bundle. Embedded {@code local[N]}
 * runs need none of this: executors share the driver's class loader.
 *
 * <p>A class directory (a development build) is packed into a temporary jar, as Spark ships
 * jars only.
 */
final class ClusterJars {
    private ClusterJars() {}

    static List<String> of(ClassLoader pluginLoader) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> used : List.of(Record.class, ClusterJars.class, JexlEngine.class)) {
            locationOf(used).ifPresent(locations::add);
        }
        ClassLoader application = ClusterJars.class.getClassLoader();
        for (ClassLoader loader = pluginLoader; loader != null && loader != application; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        locations.add(Path.of(url.toURI()));
                    }
                    catch (URISyntaxException e) {
                        throw new IllegalArgumentException("Bad plugin jar URL " + url, e);
                    }
                }
            }
        }
        List<String> jars = new ArrayList<>();
        for (Path location : locations) {
            jars.add((Files.isDirectory(location) ? packed(location) : location).toUri().toString());
        }
        return jars;
    }

    /** The jar a class comes from, packed into one if it comes from a class directory; for tests. */
    static String jarOf(Class<?> type) {
        Path location = locationOf(type).orElseThrow(() -> new IllegalArgumentException(type + " has no code source"));
        return (Files.isDirectory(location) ? packed(location) : location).toUri().toString();
    }

    private static java.util.Optional<Path> locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Path.of(source.getLocation().toURI()));
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bad code source " + source.getLocation(), e);
        }
    }

    private static Path packed(Path directory) {
        try {
            Path jar = Files.createTempFile("sluice-" + directory.getParent().getParent().getFileName() + "-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> files = Files.walk(directory)) {
                for (Path entry : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(directory.relativize(entry).toString().replace('\\', '/')));
                    Files.copy(entry, out);
                    out.closeEntry();
                }
            }
            return jar;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + directory + " for the cluster's executors", e);
        }
    }
}
