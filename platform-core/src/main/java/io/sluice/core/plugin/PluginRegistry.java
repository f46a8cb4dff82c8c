package io.sluice.core.plugin;

import static java.util.Objects.requireNonNull;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.inject.Inject;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.DidYouMean;
import io.sluice.api.plugin.PluginFactory;
import io.sluice.api.plugin.PluginKind;
import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.SourceFactory;
import io.sluice.api.state.StateStoreFactory;
import io.sluice.api.transform.TransformFactory;

/**
 * Every registered factory, keyed by kind and type name. Two factories claiming one type name of
 * one kind is a start-up error naming both jars; looking up an unknown type lists the known ones.
 * Immutable after construction, so safe to share.
 */
public final class PluginRegistry {
    /** Keys the runtime reads from every block itself; a plugin may not declare them as options. */
    static final Set<String> RESERVED_KEYS = Set.of("type", "name", "input");

    private final Map<PluginKind, Map<String, PluginFactory>> factories = new EnumMap<>(PluginKind.class);
    private volatile ClassLoader classLoader = PluginRegistry.class.getClassLoader();

    @Inject
    public PluginRegistry(
            Set<SourceFactory> sources,
            Set<TransformFactory> transforms,
            Set<StateStoreFactory> stateStores,
            Set<SinkFactory> sinks) {
        register(PluginKind.SOURCE, sources);
        register(PluginKind.TRANSFORM, transforms);
        register(PluginKind.STATE_STORE, stateStores);
        register(PluginKind.SINK, sinks);
    }

    private void register(PluginKind kind, Collection<? extends PluginFactory> candidates) {
        Map<String, PluginFactory> byType = new TreeMap<>();
        for (PluginFactory factory : candidates) {
            requireNonNull(factory.type(), () -> factory.getClass().getName() + ".type() is null");
            PluginFactory previous = byType.putIfAbsent(factory.type(), factory);
            if (previous != null) {
                throw SluiceException.user("two plugins claim " + kind.displayName() + " type [" + factory.type() + "]: "
                        + previous.getClass().getName() + " from [" + jarOf(previous) + "] and "
                        + factory.getClass().getName() + " from [" + jarOf(factory) + "]; remove one of the bundles");
            }
            for (var spec : factory.options().specs()) {
                if (RESERVED_KEYS.contains(spec.key())
                        || kind == PluginKind.SINK && (spec.key().equals("retries") || spec.key().equals("retry-backoff"))) {
                    throw SluiceException.internal("plugin " + factory.getClass().getName() + " declares option [" + spec.key()
                            + "], which the runtime reserves", null);
                }
            }
        }
        factories.put(kind, byType);
    }

    /** Set by {@link PluginLoader}: the loader the plugins came from. */
    void classLoader(ClassLoader loader) {
        this.classLoader = requireNonNull(loader, "loader is null");
    }

    /**
     * The class loader that sees every plugin. Spark resolves classes in tasks and checkpoints
     * through the thread's context class loader, so the runner makes this one current.
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Where a factory's class was loaded from: its jar or class directory. */
    public static String jarOf(PluginFactory factory) {
        CodeSource source = factory.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown location" : source.getLocation().getPath();
    }

    /** The factory for a type, if registered. */
    public Optional<PluginFactory> find(PluginKind kind, String type) {
        return Optional.ofNullable(factories.get(kind).get(type));
    }

    /**
     * The factory for a type.
     *
     * @throws SluiceException (user error) naming the known types, with a suggestion when one is close
     */
    @SuppressWarnings("unchecked")
    public <F extends PluginFactory> F get(PluginKind kind, String type, Class<F> factoryType) {
        return (F) find(kind, type).orElseThrow(() -> SluiceException.user(unknownTypeMessage(kind, type)));
    }

    /** The message for a type nobody registered: the known types, and the closest one. */
    public String unknownTypeMessage(PluginKind kind, String type) {
        Set<String> known = factories.get(kind).keySet();
        return "unknown " + kind.displayName() + " type [" + type + "]"
                + DidYouMean.suggest(type, known).map(s -> "; did you mean [" + s + "]?").orElse("")
                + "; available: " + known
                + " (a plugin bundle in plugins/ adds more)";
    }

    /** Every factory of a kind, sorted by type name. */
    public List<PluginFactory> all(PluginKind kind) {
        return List.copyOf(factories.get(kind).values());
    }

    /** Every factory of every kind registering {@code type}, for {@code plugins describe}. */
    public List<Map.Entry<PluginKind, PluginFactory>> findAnyKind(String type) {
        List<Map.Entry<PluginKind, PluginFactory>> found = new ArrayList<>();
        factories.forEach((kind, byType) -> {
            PluginFactory factory = byType.get(type);
            if (factory != null) {
                found.add(Map.entry(kind, factory));
            }
        });
        return found;
    }

    /** Every type name of every kind, for suggestions. */
    public Set<String> allTypes() {
        Set<String> all = new java.util.TreeSet<>();
        factories.values().forEach(byType -> all.addAll(byType.keySet()));
        return all;
    }
}
