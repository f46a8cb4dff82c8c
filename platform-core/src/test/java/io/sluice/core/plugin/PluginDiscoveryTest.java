package io.sluice.core.plugin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.api.error.SluiceException;
import io.sluice.api.plugin.PluginKind;
import io.sluice.api.record.Record;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.TestPipelines;
import io.sluice.core.cli.SluiceCli;
import io.sluice.core.config.PipelineConfigLoader;
import io.sluice.core.runtime.PipelineRunner;
import io.sluice.core.runtime.RunOptions;
import io.sluice.testkit.memory.MemoryStreams;

/**
 * A third-party plugin, compiled by this test into its own jar in a plugin directory (it is on no
 * class path), is found through ServiceLoader, described, and run in a pipeline.
 */
@Timeout(120)
class PluginDiscoveryTest {
    private static final String FACTORY = """
            package acme.sluice;

            import io.sluice.api.option.OptionSpec;
            import io.sluice.api.option.OptionSpecs;
            import io.sluice.api.option.Options;
            import io.sluice.api.plugin.PluginContext;
            import io.sluice.api.transform.RecordFunction;
            import io.sluice.api.transform.RecordTransform;
            import io.sluice.api.transform.Transform;
            import io.sluice.api.transform.TransformFactory;

            public final class ShoutTransformFactory implements TransformFactory {
                static final OptionSpec<String> FIELD = OptionSpec.string("field").required().doc("The field to shout");

                public String type() { return "shout"; }
                public String description() { return "Upper-cases a field, loudly"; }
                public OptionSpecs options() { return OptionSpecs.of(FIELD); }

                public Transform create(Options options, PluginContext context) {
                    String field = options.get(FIELD);
                    RecordFunction shout = (record, out) ->
                            out.accept(record.toBuilder().field(field, record.getString(field).toUpperCase() + "!").build());
                    return (RecordTransform) () -> shout;
                }
            }
            """;
    private static final String MODULE = """
            package acme.sluice;

            public final class AcmePluginModule extends io.sluice.api.plugin.PluginModule {
                protected void configure() { registerTransform(ShoutTransformFactory.class); }
            }
            """;

    @TempDir
    static Path pluginHome;

    private static Path plugins;
    private static PluginRegistry registry;

    @BeforeAll
    static void buildPluginBundle() throws IOException {
        Path sources = pluginHome.resolve("src/acme/sluice");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("ShoutTransformFactory.java"), FACTORY);
        Files.writeString(sources.resolve("AcmePluginModule.java"), MODULE);
        Path classes = pluginHome.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("ShoutTransformFactory.java").toString(), sources.resolve("AcmePluginModule.java").toString());
        assertThat(status).as("compiling the test plugin").isZero();

        plugins = pluginHome.resolve("plugins");
        Path bundle = plugins.resolve("acme");
        Files.createDirectories(bundle);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(bundle.resolve("acme-shout-1.0.jar")));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.sluice.api.plugin.PluginModule"));
            jar.write("acme.sluice.AcmePluginModule\n".getBytes(UTF_8));
            jar.closeEntry();
        }
        ClassLoader loader = PluginLoader.pluginClassLoader(plugins, PluginDiscoveryTest.class.getClassLoader());
        registry = PluginLoader.load(loader);
    }

    @Test
    void findsThePluginInItsOwnJar() {
        assertThat(registry.find(PluginKind.TRANSFORM, "shout")).isPresent();
        assertThat(PluginRegistry.jarOf(registry.find(PluginKind.TRANSFORM, "shout").orElseThrow())).endsWith("plugins/acme/acme-shout-1.0.jar");
        assertThat(TestPipelines.REGISTRY.find(PluginKind.TRANSFORM, "shout")).as("not on the class path").isEmpty();
    }

    @Test
    void describesThePlugin() {
        StringWriter out = new StringWriter();
        int status = SluiceCli.execute(new String[] {"--plugins", plugins.toString(), "plugins", "describe", "shout"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("shout (transform, version dev)")
                .contains("Upper-cases a field, loudly")
                .contains("  field (string, required)")
                .contains("      The field to shout");
    }

    @Test
    void runsThePluginInAPipeline() throws Exception {
        String in = "shout-" + UUID.randomUUID();
        MemoryStreams.feed(in, List.of(Record.builder().field("level", "error").build()));
        Path file = TestPipelines.write(pluginHome, "shout.conf", """
                pipeline { name = shout, batch-interval = 500ms, checkpoint = "file:%s/cp" }
                sources = [ { type = memory, stream = %s } ]
                transforms = [ { type = shout, field = level } ]
                sinks = [ { type = memory, stream = %s-out } ]
                """.formatted(pluginHome, in, in));
        var pipeline = new PipelineBinder(registry).bind(new PipelineConfigLoader().load(file, List.of()));
        PipelineRunner runner = new PipelineRunner(pipeline, RunOptions.defaults());
        new TestPipelines.Running(runner, java.util.concurrent.CompletableFuture.supplyAsync(runner::run))
                .stopWhen(() -> !MemoryStreams.records(in + "-out").isEmpty(), Duration.ofSeconds(60));
        assertThat(MemoryStreams.records(in + "-out")).extracting(Record::fields).containsExactly(Map.of("level", "ERROR!"));
    }

    @Test
    void twoPluginsClaimingOneTypeAreRefusedNamingBothJars() throws Exception {
        Path twice = pluginHome.resolve("twice");
        Path jar = plugins.resolve("acme/acme-shout-1.0.jar");
        List<TransformFactory> factories = new java.util.ArrayList<>();
        for (String vendor : List.of("acme-a", "acme-b")) {
            Path copy = twice.resolve(vendor + ".jar");
            Files.createDirectories(twice);
            Files.copy(jar, copy);
            // Sibling loaders: the same class name, two classes, as two vendors' jars would give.
            ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {copy.toUri().toURL()}, getClass().getClassLoader());
            factories.add((TransformFactory) loader.loadClass("acme.sluice.ShoutTransformFactory").getConstructor().newInstance());
        }
        assertThatThrownBy(() -> new PluginRegistry(java.util.Set.of(), new java.util.LinkedHashSet<>(factories), java.util.Set.of(), java.util.Set.of()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("two plugins claim transform type [shout]")
                .hasMessageContaining("acme-a.jar")
                .hasMessageContaining("acme-b.jar");
    }
}
