package io.sluice.testkit;

import static io.sluice.testkit.OptionsAssertions.NO_DEFAULT;
import static io.sluice.testkit.OptionsAssertions.assertDefaults;
import static io.sluice.testkit.OptionsAssertions.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Secret;

class OptionsAssertionsTest {
    private static final OptionSpec<String> URL = OptionSpec.string("url").required().doc("where");
    private static final OptionSpec<Integer> BATCH_SIZE = OptionSpec.integer("batch-size").defaultValue(500).doc("rows");
    private static final OptionSpec<Duration> TIMEOUT = OptionSpec.duration("timeout").defaultValue(Duration.ofSeconds(2)).doc("wait");
    private static final OptionSpec<Secret> PASSWORD = OptionSpec.secret("password").doc("secret");
    private static final OptionSpecs SPECS = OptionSpecs.of(URL, BATCH_SIZE, TIMEOUT, PASSWORD);

    @Test
    void defaultsPassWhenEveryOptionIsRecorded() {
        assertDefaults(SPECS, Map.of("url", NO_DEFAULT, "batch-size", 500, "timeout", Duration.ofSeconds(2), "password", NO_DEFAULT));
    }

    @Test
    void defaultsFailOnAnUnrecordedOptionAWrongDefaultOrAnUnknownKey() {
        assertThatThrownBy(() -> assertDefaults(SPECS, Map.of("url", NO_DEFAULT, "batch-size", 100, "timeout", Duration.ofSeconds(2),
                "colour", "red")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("untested options): [password]")
                .hasMessageContaining("option [batch-size] defaults to [500], the test expects [100]")
                .hasMessageContaining("do not declare: [colour]");
    }

    @Test
    void fullMappingReturnsTheParsedOptions() {
        assertThat(assertFullMapping(SPECS, Map.of("url", "jdbc:x", "batch-size", 7, "timeout", "5s", "password", "pw")).get(BATCH_SIZE))
                .isEqualTo(7);
        assertThat(assertFullMapping(SPECS, Map.of("url", "jdbc:x", "batch-size", 7, "timeout", "5s"), Set.of("password")).get(TIMEOUT))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fullMappingFailsOnAnUnsetOptionOrADefaultValue() {
        assertThatThrownBy(() -> assertFullMapping(SPECS, Map.of("url", "jdbc:x", "batch-size", 7)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("untested options): [timeout, password]");
        assertThatThrownBy(() -> assertFullMapping(SPECS, Map.of("url", "jdbc:x", "batch-size", 500, "timeout", "2s", "password", "pw")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("option [batch-size] is set to its default [500]")
                .hasMessageContaining("option [timeout] is set to its default [2s]");
        assertThatThrownBy(() -> assertFullMapping(SPECS, Map.of("url", "jdbc:x", "batch-size", 7, "timeout", "5s"), Set.of("pasword")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("option [pasword], said to be mapped elsewhere, is not declared");
    }

    @Test
    void serializationRoundTripsAndNamesWhatCannotShip() {
        assertThat(Serialization.roundTrip(TestingWriterContext.of(1000, 2, 3))).isEqualTo(TestingWriterContext.of(1000, 2, 3));
        assertThatThrownBy(() -> Serialization.roundTrip(new Object[] {new Object()}))
                .isInstanceOf(AssertionError.class).hasMessageContaining("java.lang.Object");
    }
}
