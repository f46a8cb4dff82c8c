package io.sluice.core.builtin.select;

import static io.sluice.core.builtin.select.TestingSelectTransforms.apply;
import static io.sluice.core.builtin.select.TestingSelectTransforms.function;
import static io.sluice.core.builtin.select.TestingSelectTransforms.record;
import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionsException;
import io.sluice.api.transform.RecordFunction;

class SelectTransformFactoryTest {
    private static final SelectTransformFactory FACTORY = new SelectTransformFactory();

    @Test
    void declaresDocumentedOptions() {
        assertThat(FACTORY.type()).isEqualTo("select");
        assertThat(FACTORY.options().specs()).extracting(OptionSpec::toString).containsExactly(
                "OptionSpec{fields: list<string>, required}",
                "OptionSpec{missing: one of [null, error], default null}");
        assertThat(FACTORY.options().specs()).allSatisfy(spec -> assertThat(spec.doc()).isNotBlank());
    }

    @Test
    void keepsOnlyListedFieldsInListOrder() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", List.of("level", "ts")));
        assertThat(apply(function, record("ts", 1L, "host", "web", "level", "ERROR")))
                .containsExactly(record("level", "ERROR", "ts", 1L));
    }

    @Test
    void outputsMissingFieldsAsNullByDefault() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", List.of("level", "user")));
        assertThat(apply(function, record("level", "INFO"))).containsExactly(record("level", "INFO", "user", null));
    }

    @Test
    void failsRecordsLackingAFieldWhenAsked() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", List.of("level", "user"), "missing", "error"));
        assertThat(apply(function, record("user", null, "level", "INFO"))).containsExactly(record("level", "INFO", "user", null));
        assertThatThrownBy(() -> apply(function, record("level", "INFO")))
                .isInstanceOf(RecordException.class)
                .hasMessage("field [user] to select is missing");
    }

    @Test
    void rejectsEmptyBlankOrRepeatedFieldLists() {
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", List.of())))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [fields]: must not be empty");
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", List.of("a", "", "a"))))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [fields]: must not contain a blank name; option [fields]: names field [a] twice");
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", List.of("a"), "missing", "skip")))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [missing]: expected one of [null, error], got [skip]");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RecordFunction copy = roundTrip(function(FACTORY, Map.of("fields", List.of("b", "a"), "missing", "error")));
        assertThat(apply(copy, record("a", 1L, "b", 2L, "c", 3L))).containsExactly(record("b", 2L, "a", 1L));
    }
}
