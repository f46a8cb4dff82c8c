package io.sluice.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.plugin.PluginFactory;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.sink.SinkFactory;
import io.sluice.api.source.SourceFactory;
import io.sluice.core.builtin.console.ConsolePluginModule;
import io.sluice.core.builtin.file.FilePluginModule;
import io.sluice.core.builtin.filesink.FileSinkPluginModule;
import io.sluice.core.builtin.generator.GeneratorPluginModule;
import io.sluice.core.builtin.socket.SocketPluginModule;

/** The built-in sources and sinks are found as production finds them: ServiceLoader, then Guice. */
class BuiltinIoPluginsTest {
    private static final Set<Class<?>> MODULES = Set.of(GeneratorPluginModule.class, SocketPluginModule.class,
            FilePluginModule.class, ConsolePluginModule.class, FileSinkPluginModule.class);

    private static Injector injector() {
        // Other built-in plugins list their modules in the same services file; take only these.
        // The class path's loader, not the thread's context loader: another test may have left
        // the context loader pointing at plugin jars it has since deleted.
        List<PluginModule> modules = ServiceLoader.load(PluginModule.class, BuiltinIoPluginsTest.class.getClassLoader()).stream()
                .filter(provider -> MODULES.contains(provider.type()))
                .map(ServiceLoader.Provider::get)
                .toList();
        assertThat(modules).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(MODULES);
        return Guice.createInjector(modules);
    }

    @Test
    void registersSourcesAndSinksUnderTheirTypeNames() {
        Injector injector = injector();
        Set<SourceFactory> sources = injector.getInstance(Key.get(new TypeLiteral<Set<SourceFactory>>() {}));
        Set<SinkFactory> sinks = injector.getInstance(Key.get(new TypeLiteral<Set<SinkFactory>>() {}));

        assertThat(sources).extracting(PluginFactory::type).containsExactlyInAnyOrder("generator", "socket", "file");
        assertThat(sinks).extracting(PluginFactory::type).containsExactlyInAnyOrder("console", "file");
    }

    @Test
    void everyOptionIsDocumented() {
        Injector injector = injector();
        Stream<PluginFactory> factories = Stream.concat(
                injector.getInstance(Key.get(new TypeLiteral<Set<SourceFactory>>() {})).stream(),
                injector.getInstance(Key.get(new TypeLiteral<Set<SinkFactory>>() {})).stream());

        assertThat(factories).allSatisfy(factory -> {
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.options().specs()).isNotEmpty().allSatisfy(spec -> {
                assertThat(spec.doc()).as(factory.type() + " option " + spec.key()).isNotBlank();
                assertThat(spec.key()).matches("[a-z]+(-[a-z]+)*");
                assertThat(spec.isRequired() || spec.defaultValue().isPresent() || optionalWithoutDefault(spec))
                        .as(factory.type() + " option " + spec.key() + " is required, has a default, or is documented as optional")
                        .isTrue();
            });
        });
    }

    private static boolean optionalWithoutDefault(OptionSpec<?> spec) {
        return spec.doc().contains("default");
    }
}
