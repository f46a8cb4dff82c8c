package io.sluice.api.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionSpecsTest {
    enum Mode {
        APPEND,
        UPSERT_BY_KEY
    }

    static final OptionSpec<String> URL = OptionSpec.string("url").required().doc("Where to write");
    static final OptionSpec<Integer> BATCH_SIZE = OptionSpec.integer("batch-size").defaultValue(500).atLeast(1).doc("Rows per batch");
    static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password").doc("The password");
    static final OptionSpec<Duration> TIMEOUT = OptionSpec.duration("timeout").defaultValue(Duration.ofSeconds(30)).doc("Timeout");
    static final OptionSpec<Mode> MODE = OptionSpec.oneOf("mode", Mode.class).defaultValue(Mode.APPEND).doc("Write mode");
    static final OptionSpec<List<String>> KEY = OptionSpec.stringList("key").alias("keys").doc("Key columns");
    static final OptionSpec<String> FORMAT = OptionSpec.string("format").defaultValue("csv").allowed("csv", "json").doc("Format");
    static final OptionSpecs SPECS = OptionSpecs.of(URL, BATCH_SIZE, PASSWORD, TIMEOUT, MODE, KEY, FORMAT);

    @Test
    void defaultsApplyToUnsetOptions() {
        Options options = SPECS.parse(Map.of("url", "jdbc:h2:mem:x"));
        assertThat(options.get(URL)).isEqualTo("jdbc:h2:mem:x");
        assertThat(options.get(BATCH_SIZE)).isEqualTo(500);
        assertThat(options.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.get(MODE)).isEqualTo(Mode.APPEND);
        assertThat(options.get(FORMAT)).isEqualTo("csv");
        assertThat(options.find(PASSWORD)).isEmpty();
        assertThat(options.isSet(BATCH_SIZE)).isFalse();
    }

    @Test
    void everyOptionMapsFromItsRawValue() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("url", "jdbc:postgresql://db/metrics");
        raw.put("batch-size", "250");
        raw.put("password", "s3cret");
        raw.put("timeout", "1500ms");
        raw.put("mode", "upsert-by-key");
        raw.put("key", List.of("level", "window_end"));
        raw.put("format", "json");
        Options options = SPECS.parse(raw);
        assertThat(options.get(BATCH_SIZE)).isEqualTo(250);
        assertThat(options.get(PASSWORD).reveal()).isEqualTo("s3cret");
        assertThat(options.get(TIMEOUT)).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.get(MODE)).isEqualTo(Mode.UPSERT_BY_KEY);
        assertThat(options.get(KEY)).containsExactly("level", "window_end");
        assertThat(options.get(FORMAT)).isEqualTo("json");
    }

    @Test
    void secretsAreMaskedWhenShown() {
        Options options = SPECS.parse(Map.of("url", "u", "password", "s3cret"));
        assertThat(options.toString()).contains("password=[hidden]").doesNotContain("s3cret");
        assertThat(SPECS.secretKeys()).containsExactly("password");
        OptionsException error = catchThrowableOfType(OptionsException.class, () -> SPECS.parse(Map.of("url", "u", "password", List.of("s3cret"))));
        assertThat(error.getMessage()).isEqualTo("option [password]: expected a string").doesNotContain("s3cret");
    }

    @Test
    void everyProblemIsCollected() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("batchsize", 10);
        raw.put("batch-size", 0);
        raw.put("mode", "upsrt-by-key");
        raw.put("format", "xml");
        raw.put("timeout", "soon");
        OptionsException error = catchThrowableOfType(OptionsException.class, () -> SPECS.parse(raw));
        assertThat(error.problems()).extracting(OptionProblem::toString).containsExactly(
                new OptionProblem("batchsize", "is not a known option; did you mean [batch-size]?").toString(),
                new OptionProblem("batch-size", "must be at least [1], got [0]").toString(),
                new OptionProblem("mode", "expected one of [append, upsert-by-key], got [upsrt-by-key]; did you mean [upsert-by-key]?").toString(),
                new OptionProblem("format", "expected one of [csv, json], got [xml]").toString(),
                new OptionProblem("timeout", "expected a duration such as [5s], [500ms] or [10m], got [soon]").toString(),
                new OptionProblem("url", "is required: Where to write").toString());
    }

    @Test
    void formerNamesStillWorkWithAWarning() {
        Options options = SPECS.parse(Map.of("url", "u", "keys", "level"));
        assertThat(options.get(KEY)).containsExactly("level");
        assertThat(options.warnings()).containsExactly(new OptionProblem("keys", "is a former name; use [key]"));
    }

    @Test
    void wholeNumbersRejectFractionsAndOverflow() {
        assertThat(catchThrowableOfType(OptionsException.class, () -> SPECS.parse(Map.of("url", "u", "batch-size", 2.5))).getMessage())
                .isEqualTo("option [batch-size]: expected a whole number, got [2.5]");
        assertThat(catchThrowableOfType(OptionsException.class, () -> SPECS.parse(Map.of("url", "u", "batch-size", 1L << 40))).getMessage())
                .isEqualTo("option [batch-size]: value [1099511627776] is out of range for int");
    }

    @Test
    void describesTypesForDocumentation() {
        assertThat(MODE.typeDescription()).isEqualTo("one of [append, upsert-by-key]");
        assertThat(TIMEOUT.defaultValueText()).contains("30s");
        assertThat(KEY.typeDescription()).isEqualTo("list<string>");
    }
}
