package io.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sluice.api.option.OptionSpec;
import io.sluice.core.TestPipelines;

/**
 * Broken pipeline files and the exact problems reported for them: file and line, where in the
 * pipeline, what is wrong and what is allowed.
 */
class ConfigErrorsTest {
    private static final String HEAD = """
            pipeline { name = broken }
            sources = [ { type = memory, stream = s } ]
            """;
    private static final String SINKS = """
            sinks = [ { type = memory, stream = out } ]
            """;

    @TempDir
    Path directory;

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("unknown plugin option with a suggestion",
                        HEAD + "transforms = [ { type = aggregate, key = [level], agregates = [count] } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (aggregate): option [agregates] is not a known option; did you mean [aggregates]?")),
                Arguments.of("unknown plugin option without a close match",
                        HEAD + "transforms = [ { type = window, length = 1s, colour = blue } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (window): option [colour] is not a known option; known options are [length, slide]")),
                Arguments.of("wrong type: a list where a string is expected",
                        HEAD + "transforms = [ { type = count-by-value, field = [a, b] } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (count-by-value): option [field] expected a string, got a list")),
                Arguments.of("wrong type: text where a number is expected",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = s, partitions = many } ]\n" + SINKS,
                        List.of("pipeline.conf:2: sources[0] (memory): option [partitions] expected a whole number, got [many]")),
                Arguments.of("whole-number option given a fraction, shown as written",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = s, partitions = 2.50 } ]\n" + SINKS,
                        List.of("pipeline.conf:2: sources[0] (memory): option [partitions] expected a whole number, got [2.50]")),
                Arguments.of("whole-number option given a number too large for a double",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = s,\n  partitions = 1234e567 } ]\n" + SINKS,
                        List.of("pipeline.conf:3: sources[0] (memory): option [partitions] value [1234e567] is out of range for int")),
                Arguments.of("number out of range",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = s, partitions = 0 } ]\n" + SINKS,
                        List.of("pipeline.conf:2: sources[0] (memory): option [partitions] must be at least [1], got [0]")),
                Arguments.of("missing required option",
                        HEAD + "transforms = [ { type = count-by-value } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (count-by-value): option [field] is required: The field whose values are counted")),
                Arguments.of("unknown plugin type with a suggestion",
                        HEAD + "transforms = [ { type = agregate, key = [a] } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0]: unknown transform type [agregate]; did you mean [aggregate]?; available: "
                                + TestPipelines.REGISTRY.all(io.sluice.api.plugin.PluginKind.TRANSFORM).stream().map(f -> f.type()).toList()
                                + " (a plugin bundle in plugins/ adds more)")),
                Arguments.of("bad duration",
                        "pipeline { name = broken, batch-interval = 5 parsecs }\nsources = [ { type = memory, stream = s } ]\n" + SINKS,
                        List.of("pipeline.conf:1: pipeline: option [batch-interval] unknown duration unit [parsecs] in [5 parsecs]; use ns, us, ms, s, m, h or d")),
                Arguments.of("duration below the minimum",
                        "pipeline { name = broken, batch-interval = 1ms }\nsources = [ { type = memory, stream = s } ]\n" + SINKS,
                        List.of("pipeline.conf:1: pipeline: option [batch-interval] must be at least [10ms], got [1ms]")),
                Arguments.of("missing include",
                        "include \"missing-common.conf\"\n" + HEAD + SINKS,
                        List.of("pipeline.conf:1: include [missing-common.conf] names no file; includes are relative to the including file")),
                Arguments.of("duplicate source name",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = a, name = logs },\n  { type = memory, stream = b, name = logs } ]\n" + SINKS,
                        List.of("pipeline.conf:3: sources[1] (memory): duplicate stream name [logs]; give each source and transform its own [name]")),
                Arguments.of("missing pipeline name",
                        "pipeline { batch-interval = 1s }\nsources = [ { type = memory, stream = s } ]\n" + SINKS,
                        List.of("pipeline.conf:1: pipeline: option [name] is required: The pipeline's name: names its checkpoint, state keys, markers and metrics")),
                Arguments.of("missing sources",
                        "pipeline { name = broken }\n" + SINKS,
                        List.of("pipeline.conf: missing [sources]: a pipeline needs at least one source")),
                Arguments.of("empty sinks",
                        HEAD + "sinks = []\n",
                        List.of("pipeline.conf:3: [sinks] is empty: a pipeline needs at least one sink")),
                Arguments.of("unknown top-level key with a suggestion",
                        HEAD + SINKS + "transform = []\n",
                        List.of("pipeline.conf:4: unknown top-level key [transform]; did you mean [transforms]?")),
                Arguments.of("block without a type",
                        HEAD + "transforms = [ { field = level } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0]: missing [type]: say which transform plugin this block uses")),
                Arguments.of("sources not a list",
                        "pipeline { name = broken }\nsources = { type = memory, stream = s }\n" + SINKS,
                        List.of("pipeline.conf:2: [sources] must be a list [ { type = ... }, ... ]")),
                Arguments.of("input naming no stream",
                        HEAD + "transforms = [ { type = window, length = 1s, input = lgos } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (window): [input] names no earlier source or transform: [lgos]; known streams are [memory]")),
                Arguments.of("input with a suggestion",
                        "pipeline { name = broken }\nsources = [ { type = memory, stream = s, name = logs } ]\n"
                                + "transforms = [ { type = window, length = 1s, input = lgos } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (window): [input] names no earlier source or transform: [lgos]; did you mean [logs]?")),
                Arguments.of("bad enum value with a suggestion",
                        HEAD + SINKS + "errors { tolerance = al, dead-letter = { type = memory, stream = dlq } }\n",
                        List.of("pipeline.conf:4: errors: option [tolerance] expected one of [none, all], got [al]; did you mean [all]?")),
                Arguments.of("tolerance all without a dead-letter sink",
                        HEAD + SINKS + "errors { tolerance = all }\n",
                        List.of("pipeline.conf:4: errors: tolerance [all] needs a [dead-letter] sink, e.g. dead-letter = { type = file, path = \"file:./work/dlq\" }")),
                Arguments.of("unknown state store type",
                        HEAD + SINKS + "state { type = redys }\n",
                        List.of("pipeline.conf:4: state: unknown state type [redys]")),
                Arguments.of("unset environment variable",
                        "pipeline { name = ${SLUICE_TEST_UNSET_VARIABLE} }\nsources = [ { type = memory, stream = s } ]\n" + SINKS,
                        List.of("pipeline.conf:1: Could not resolve substitution to a value: ${SLUICE_TEST_UNSET_VARIABLE} (set the environment variable, or give the key a value)")),
                Arguments.of("HOCON syntax error",
                        "pipeline { name = broken \nsources = [ { type = memory, stream = s } ]\n" + SINKS,
                        List.of("pipeline.conf:")),
                Arguments.of("unknown sink option reserved for retries is accepted but misspelt",
                        HEAD + "sinks = [ { type = memory, stream = out, retires = 2 } ]\n",
                        List.of("pipeline.conf:3: sinks[0] (memory): option [retires] is not a known option; did you mean [retries]?")),
                Arguments.of("every problem is reported, not only the first",
                        HEAD + "transforms = [ { type = count-by-value }, { type = window } ]\n" + SINKS,
                        List.of("pipeline.conf:3: transforms[0] (count-by-value): option [field] is required: The field whose values are counted",
                                "pipeline.conf:3: transforms[1] (window): option [length] is required: Window length, a multiple of the batch interval")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsEachProblemWithFileLineAndKey(String description, String pipeline, List<String> expected) throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, pipeline);
        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> TestPipelines.bind(file));
        assertThat(error).as(description).isNotNull();
        List<String> problems = error.problems().stream().map(ConfigProblem::toString)
                .map(problem -> problem.replace(file.toString(), "pipeline.conf"))
                .toList();
        assertThat(problems).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(problems.get(i)).as(description).startsWith(expected.get(i));
        }
    }

    @Test
    void unquotedNumbersReachTextOptionsAsWritten() throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, """
                pipeline { name = 0e123456, spark { "spark.foo" = 1e3, spark.bar.baz = 0042, spark.plain = 42 } }
                sources = [ { type = memory, stream = 1234e567, name = 007 } ]
                sinks = [ { type = memory, stream = 0042, input = 007 }, { type = memory, stream = 1e3 } ]
                """);
        var pipeline = TestPipelines.bind(file, "sinks.1.stream=1.50");
        OptionSpec<String> stream = OptionSpec.string("stream");
        assertThat(pipeline.config().settings().name()).isEqualTo("0e123456");
        assertThat(pipeline.config().settings().sparkConf())
                .containsEntry("spark.foo", "1e3").containsEntry("spark.bar.baz", "0042").containsEntry("spark.plain", "42");
        assertThat(pipeline.sources().get(0).options().get(stream)).isEqualTo("1234e567");
        assertThat(pipeline.config().sources().get(0).name()).isEqualTo("007");
        assertThat(pipeline.sinks().get(0).options().get(stream)).isEqualTo("0042");
        assertThat(pipeline.config().sinks().get(0).input()).contains("007");
        assertThat(pipeline.sinks().get(1).options().get(stream)).isEqualTo("1.50");
    }

    @Test
    void unquotedNumbersInListsAndBlocksKeepTheirText() throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, HEAD + """
                sinks = [ { type = memory, stream = out, topics = [0042, 1e3, 1234e567, 0e123456, 42, 1.5],
                  block = { id = 0042, nested = [007] } } ]
                """);
        Map<String, Object> raw = new PipelineConfigLoader().load(file, List.of()).sinks().get(0).options();
        assertThat(OptionSpec.stringList("topics").parse(raw.get("topics")))
                .containsExactly("0042", "1e3", "1234e567", "0e123456", "42", "1.5");
        Map<String, Object> block = OptionSpec.object("block").parse(raw.get("block"));
        assertThat(String.valueOf(block.get("id"))).isEqualTo("0042");
        assertThat(OptionSpec.stringList("nested").parse(block.get("nested"))).containsExactly("007");
        // Numbers written the way Java prints them stay plain numbers.
        assertThat((List<?>) raw.get("topics")).element(4).isEqualTo(42);
        assertThat((List<?>) raw.get("topics")).element(5).isEqualTo(1.5);
    }

    @Test
    void unquotedNumbersStillReadAsNumbers() throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, """
                pipeline { name = numbers, batch-interval = 1e3, http-port = 08080 }
                sources = [ { type = memory, stream = s, partitions = 0042 } ]
                sinks = [ { type = memory, stream = out, retries = 0e123456, count = 1e3, ratio = 0.50, big = 1234e567 } ]
                """);
        PipelineConfig config = new PipelineConfigLoader().load(file, List.of());
        assertThat(config.settings().batchInterval()).hasMillis(1000);
        assertThat(config.settings().httpPort()).contains(8080);
        assertThat(OptionSpec.integer("partitions").parse(config.sources().get(0).options().get("partitions"))).isEqualTo(42);
        Map<String, Object> raw = config.sinks().get(0).options();
        assertThat(OptionSpec.integer("retries").parse(raw.get("retries"))).isZero();
        assertThat(OptionSpec.longInteger("count").parse(raw.get("count"))).isEqualTo(1000L);
        assertThat(OptionSpec.decimal("count").parse(raw.get("count"))).isEqualTo(1000.0);
        assertThat(OptionSpec.decimal("ratio").parse(raw.get("ratio"))).isEqualTo(0.5);
        assertThat(OptionSpec.duration("count").parse(raw.get("count"))).hasMillis(1000);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> OptionSpec.decimal("big").parse(raw.get("big"))))
                .hasMessage("value [1234e567] is out of range for double");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> OptionSpec.longInteger("big").parse(raw.get("big"))))
                .hasMessage("value [1234e567] is out of range for long");
    }

    @Test
    void overridesReplaceValuesInsideLists() throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, HEAD + "sinks = [ { type = memory, stream = out, retries = 1 } ]\n");
        var pipeline = TestPipelines.bind(file, "sinks.0.retries=5", "pipeline.batch-interval=2s");
        assertThat(pipeline.sinks().get(0).options().get(io.sluice.core.runtime.SinkRetryPolicy.RETRIES)).isEqualTo(5);
        assertThat(pipeline.config().settings().batchInterval()).hasSeconds(2);
    }

    @Test
    void overrideOfAMissingListIndexIsAnError() throws Exception {
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, HEAD + SINKS);
        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class, () -> TestPipelines.bind(file, "sinks.3.retries=5"));
        assertThat(error.problems()).singleElement().asString().contains("[sinks] has 1 elements, no index 3");
    }

    @Test
    void includesAndEnvironmentSubstitutionWork() throws Exception {
        Files.writeString(directory.resolve("common.conf"), "pipeline { batch-interval = 750ms }\n");
        Path file = directory.resolve("pipeline.conf");
        Files.writeString(file, "include \"common.conf\"\npipeline { name = ${?HOME}-included }\n"
                + "sources = [ { type = memory, stream = s } ]\n" + SINKS);
        var pipeline = TestPipelines.bind(file);
        assertThat(pipeline.config().settings().batchInterval().toMillis()).isEqualTo(750);
        assertThat(pipeline.config().settings().name()).isEqualTo(System.getenv("HOME") + "-included");
    }
}
