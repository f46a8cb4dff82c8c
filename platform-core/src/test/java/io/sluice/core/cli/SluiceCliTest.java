package io.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users see it: output, messages and exit status. */
class SluiceCliTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sluice(String... args) {
        return SluiceCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void validateNamesFileLineAndKeyAndExitsTwo() throws Exception {
        Path file = directory.resolve("broken.conf");
        Files.writeString(file, """
                pipeline { name = broken }
                sources = [ { type = memory, stream = s } ]
                transforms = [ { type = aggregate, key = [level], window = 3s, slid = 1s } ]
                sinks = [ { type = memory, stream = out } ]
                """);
        assertThat(sluice("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(file + ":3: transforms[0] (aggregate): option [slid] is not a known option; did you mean [slide]?\n"
                + "1 problem found.\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateReportsPluginRulesWithoutStackTraces() throws Exception {
        Path file = directory.resolve("window.conf");
        Files.writeString(file, """
                pipeline { name = w, batch-interval = 2s }
                sources = [ { type = memory, stream = s } ]
                transforms = [ { type = window, length = 3s } ]
                sinks = [ { type = memory, stream = out } ]
                """);
        assertThat(sluice("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: option [length] [3s] must be a multiple of the batch interval [2s]\n");
    }

    @Test
    void validateAcceptsAGoodFileAndTellsTheGuarantee() throws Exception {
        Path file = directory.resolve("good.conf");
        Files.writeString(file, """
                pipeline { name = good }
                sources = [ { type = memory, stream = s } ]
                transforms = [ { type = count-by-value, field = level } ]
                sinks = [ { type = memory, stream = out } ]
                """);
        assertThat(sluice("validate", file.toString())).isZero();
        assertThat(out.toString()).startsWith(file + ": pipeline [good] is valid: 1 source(s), 1 transform(s), 1 sink(s)\n"
                + "Delivery: at-most-once: memory (memory) is at-most-once;");
    }

    @Test
    void pluginsListShowsEveryBuiltInWithItsKind() {
        assertThat(sluice("plugins", "list")).isZero();
        assertThat(out.toString())
                .containsPattern("(?m)^transform +aggregate ")
                .containsPattern("(?m)^transform +count-by-value ")
                .containsPattern("(?m)^transform +window ")
                .containsPattern("(?m)^transform +stateful ")
                .containsPattern("(?m)^transform +join ")
                .containsPattern("(?m)^state +checkpoint ");
    }

    @Test
    void pluginsDescribeDocumentsEveryOption() {
        assertThat(sluice("plugins", "describe", "aggregate")).isZero();
        assertThat(out.toString())
                .contains("aggregate (transform, version dev)")
                .contains("  key (list<string>, required)\n      Fields to group by, e.g. [level] or [host, level]")
                .contains("  aggregates (list<string>, default [count])")
                .contains("  window (duration)")
                .contains("  slide (duration)");
    }

    @Test
    void pluginsDescribeOfAnUnknownTypeSuggestsOne() {
        assertThat(sluice("plugins", "describe", "agregate")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: no plugin of type [agregate]; did you mean [aggregate]?; see sluice plugins list\n");
    }

    @Test
    void versionNamesSparkAndJava() {
        assertThat(sluice("version")).isZero();
        assertThat(out.toString()).startsWith("Sluice ").contains("Spark 3.5.5, Scala 2.12");
    }

    @Test
    void missingFileIsAUserError() {
        assertThat(sluice("validate", directory.resolve("nope.conf").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(directory.resolve("nope.conf") + ": file not found\n1 problem found.\n");
    }
}
