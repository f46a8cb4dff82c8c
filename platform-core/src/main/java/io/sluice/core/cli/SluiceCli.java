package io.sluice.core.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import io.sluice.api.ApiVersion;
import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;
import io.sluice.core.config.PipelineConfigException;
import io.sluice.core.plugin.PluginLoader;
import io.sluice.core.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice}: the command line. Exit status 0 on success (including a graceful stop on
 * SIGTERM), 2 for a user error (a bad pipeline file, an unknown plugin), 1 when a pipeline fails
 * while running. User errors print one line per problem and no stack trace.
 */
@Command(name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = SluiceCli.Version.class,
        description = "Runs streaming pipelines described in one HOCON file on Apache Spark Streaming.",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, VersionCommand.class})
public final class SluiceCli implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USER_ERROR = 2;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugin directory: one sub-directory of jars per plugin bundle (default: $SLUICE_HOME/plugins)")
    Path pluginDirectory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PluginRegistry registry;

    public static void main(String[] args) {
        startLogging();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Log4j's set-up (its plugin index, the configuration file) takes a few hundred milliseconds of
     * a start: do it on another core while the command line is parsed and the plugins load. The
     * first logger the commands ask for waits for it.
     */
    private static void startLogging() {
        Thread thread = new Thread(() -> LoggerFactory.getLogger(SluiceCli.class), "sluice-logging-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the command line with the given streams; returns the exit status. For tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SluiceCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> report(e, line.getErr()));
        // Commands make the plugins' loader current (see registry()); leave the caller's as it was.
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        try {
            return commandLine.execute(args);
        }
        finally {
            Thread.currentThread().setContextClassLoader(callers);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The plugin registry, loaded once: built-ins from the class path, bundles from the plugin
     * directory. Sets the thread's context class loader to the plugins' loader, which Spark's
     * embedded executors inherit, so plugin classes resolve in tasks too.
     */
    PluginRegistry registry() {
        if (registry == null) {
            ClassLoader loader = PluginLoader.pluginClassLoader(resolvePluginDirectory().orElse(null), SluiceCli.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            registry = PluginLoader.load(loader);
        }
        return registry;
    }

    private Optional<Path> resolvePluginDirectory() {
        if (pluginDirectory != null) {
            if (!Files.isDirectory(pluginDirectory)) {
                throw SluiceException.user("plugin directory [" + pluginDirectory + "] does not exist");
            }
            return Optional.of(pluginDirectory);
        }
        return Optional.ofNullable(System.getProperty("sluice.home")).map(home -> Path.of(home, "plugins"));
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof PipelineConfigException config) {
            config.problems().forEach(problem -> err.println(problem));
            err.printf("%d problem%s found.%n", config.problems().size(), config.problems().size() == 1 ? "" : "s");
            return USER_ERROR;
        }
        if (e instanceof SluiceException sluice && sluice.kind() == ErrorKind.USER) {
            err.println("error: " + sluice.getMessage());
            return USER_ERROR;
        }
        if (e instanceof SluiceException sluice) {
            err.println("error: " + sluice.getMessage());
            if (sluice.kind() == ErrorKind.INTERNAL) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        return FAILED;
    }

    /** Version line: Sluice, its API, Spark, Scala and Java. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Optional.ofNullable(SluiceCli.class.getPackage().getImplementationVersion()).orElse("dev");
            return new String[] {"Sluice " + version + " (API " + ApiVersion.current() + ", Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Scala " + scala.util.Properties.versionNumberString()
                    + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
