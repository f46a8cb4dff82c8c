package io.sluice.core.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sluice.api.error.SluiceException;
import io.sluice.api.option.DidYouMean;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.plugin.PluginFactory;
import io.sluice.api.plugin.PluginKind;
import io.sluice.core.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice plugins list} and {@code sluice plugins describe TYPE}. */
@Command(name = "plugins", description = "Lists and describes the installed plugins.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.DescribeCommand.class})
final class PluginsCommand implements Runnable {
    @ParentCommand
    SluiceCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Lists every plugin with its kind, version and description.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PluginRegistry registry = plugins.cli.registry();
            out.printf("%-10s %-16s %-16s %s%n", "KIND", "TYPE", "VERSION", "DESCRIPTION");
            for (PluginKind kind : PluginKind.values()) {
                for (PluginFactory factory : registry.all(kind)) {
                    out.printf("%-10s %-16s %-16s %s%n", kind.displayName(), factory.type(), factory.version(), factory.description());
                }
            }
            return SluiceCli.OK;
        }
    }

    @Command(name = "describe", description = "Describes a plugin's options: type, default, whether required or secret, and what each does.")
    static final class DescribeCommand implements Callable<Integer> {
        @ParentCommand
        PluginsCommand plugins;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TYPE", description = "The plugin type, as written after type = in a pipeline file")
        String type;

        @Override
        public Integer call() {
            PluginRegistry registry = plugins.cli.registry();
            List<Map.Entry<PluginKind, PluginFactory>> found = registry.findAnyKind(type);
            if (found.isEmpty()) {
                throw SluiceException.user("no plugin of type [" + type + "]"
                        + DidYouMean.suggest(type, registry.allTypes()).map(s -> "; did you mean [" + s + "]?").orElse("")
                        + "; see sluice plugins list");
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Map.Entry<PluginKind, PluginFactory> entry : found) {
                describe(out, entry.getKey(), entry.getValue());
            }
            return SluiceCli.OK;
        }

        private static void describe(PrintWriter out, PluginKind kind, PluginFactory factory) {
            out.printf("%s (%s, version %s)%n  %s%n  from %s%n%n", factory.type(), kind.displayName(), factory.version(),
                    factory.description(), PluginRegistry.jarOf(factory));
            List<OptionSpec<?>> specs = factory.options().specs();
            if (specs.isEmpty()) {
                out.println("  No options.");
            }
            for (OptionSpec<?> spec : specs) {
                StringBuilder line = new StringBuilder("  ").append(spec.key()).append(" (").append(spec.typeDescription());
                if (spec.isRequired()) {
                    line.append(", required");
                }
                spec.defaultValueText().ifPresent(value -> line.append(", default ").append(value));
                if (spec.isSecret()) {
                    line.append(", secret: never printed; prefer ${ENV_VAR}");
                }
                if (spec.isDeprecated()) {
                    line.append(", deprecated");
                }
                line.append(')');
                out.println(line);
                out.println("      " + spec.doc());
                if (!spec.aliases().isEmpty()) {
                    out.println("      Former names: " + spec.aliases());
                }
            }
            out.println();
        }
    }
}
