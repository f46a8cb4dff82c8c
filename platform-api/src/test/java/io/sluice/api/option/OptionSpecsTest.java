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
    void writtenNumbersReachTextOptionsAsWritten() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("url", WrittenNumber.of(42, "0042"));
        raw.put("password", WrittenNumber.of(0, "0e123456"));
        raw.put("key", List.of(WrittenNumber.of(1000, "1e3"), WrittenNumber.of(Double.POSITIVE_INFINITY, "1234e567"), 42));
        Options options = SPECS.parse(raw);
        assertThat(options.get(URL)).isEqualTo("0042");
        assertThat(options.get(PASSWORD).reveal()).isEqualTo("0e123456");
        assertThat(options.get(KEY)).containsExactly("1e3", "1234e567", "42");
        assertThat(OptionSpec.stringList("k").parse(WrittenNumber.of(7, "007"))).containsExactly("007");
    }

    @Test
    void writtenNumbersReadAsTheirValueForNumberOptions() {
        assertThat(BATCH_SIZE.parse(WrittenNumber.of(42, "0042"))).isEqualTo(42);
        assertThat(BATCH_SIZE.parse(WrittenNumber.of(1000, "1e3"))).isEqualTo(1000);
        assertThat(OptionSpec.longInteger("n").parse(WrittenNumber.of(9_007_199_254_740_993L, "09007199254740993")))
                .isEqualTo(9_007_199_254_740_993L);
        assertThat(OptionSpec.decimal("n").parse(WrittenNumber.of(1.5, "1.50"))).isEqualTo(1.5);
        assertThat(TIMEOUT.parse(WrittenNumber.of(1000, "1e3"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(catchThrowableOfType(OptionsException.class,
                () -> SPECS.parse(Map.of("url", "u", "batch-size", WrittenNumber.of(2.5, "2.50")))).getMessage())
                .isEqualTo("option [batch-size]: expected a whole number, got [2.50]");
        assertThat(catchThrowableOfType(OptionsException.class,
                () -> SPECS.parse(Map.of("url", "u", "batch-size", WrittenNumber.of(Double.POSITIVE_INFINITY, "1234e567")))).getMessage())
                .isEqualTo("option [batch-size]: value [1234e567] is out of range for int");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> OptionSpec.longInteger("n").parse(1e19))).hasMessage("value [1.0E19] is out of range for long");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> OptionSpec.decimal("n").parse(WrittenNumber.of(Double.POSITIVE_INFINITY, "1234e567"))))
                .hasMessage("value [1234e567] is out of range for double");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> OptionSpec.bool("b").parse(WrittenNumber.of(1, "01")))).hasMessage("expected true or false, got [01]");
    }

    @Test
    void numberOptionsReadNumericTextAsBefore() {
        // Text reaches number options from substitutions such as ${?BATCH_SIZE}: plain decimal text only.
        assertThat(BATCH_SIZE.parse(" 0042 ")).isEqualTo(42);
        assertThat(OptionSpec.decimal("n").parse("1e3")).isEqualTo(1000.0);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> BATCH_SIZE.parse("1e3")))
                .hasMessage("expected a whole number, got [1e3]");
    }

    @Test
    void describesTypesForDocumentation() {
        assertThat(MODE.typeDescription()).isEqualTo("one of [append, upsert-by-key]");
        assertThat(TIMEOUT.defaultValueText()).contains("30s");
        assertThat(KEY.typeDescription()).isEqualTo("list<string>");
    }
}
