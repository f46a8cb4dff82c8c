package io.sluice.core.builtin.select;

import static io.sluice.core.builtin.select.TestingSelectTransforms.apply;
import static io.sluice.core.builtin.select.TestingSelectTransforms.function;
import static io.sluice.core.builtin.select.TestingSelectTransforms.record;
import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionsException;
import io.sluice.api.transform.RecordFunction;

class RenameTransformFactoryTest {
    private static final RenameTransformFactory FACTORY = new RenameTransformFactory();

    @Test
    void declaresDocumentedOptions() {
        assertThat(FACTORY.type()).isEqualTo("rename");
        assertThat(FACTORY.options().specs()).extracting(OptionSpec::toString)
                .containsExactly("OptionSpec{fields: object, required}");
        assertThat(RenameTransformFactory.FIELDS.doc()).isNotBlank();
    }

    @Test
    void renamesFieldsInPlaceIgnoringMissingOnes() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", Map.of("lvl", "level", "usr", "user")));
        assertThat(apply(function, record("ts", 1L, "lvl", "INFO", "msg", "x")))
                .containsExactly(record("ts", 1L, "level", "INFO", "msg", "x"));
    }

    @Test
    void letsARenamedFieldReplaceAFieldWithItsNewName() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", Map.of("b", "a")));
        assertThat(apply(function, record("a", 1L, "x", 0L, "b", 2L))).containsExactly(record("x", 0L, "a", 2L));
        assertThat(apply(function, record("a", 1L, "x", 0L))).containsExactly(record("a", 1L, "x", 0L));
    }

    @Test
    void swapsFieldsRenamedIntoEachOther() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", Map.of("a", "b", "b", "a")));
        assertThat(apply(function, record("a", 1L, "b", 2L))).containsExactly(record("b", 1L, "a", 2L));
    }

    @Test
    void rejectsEmptyBlankOrCollidingRenames() {
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", Map.of())))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [fields]: must not be empty");
        Map<String, Object> renames = new LinkedHashMap<>();
        renames.put("a", "x");
        renames.put("b", "x");
        renames.put("c", " ");
        renames.put("d", List.of("y"));
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", renames)))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [fields]: renames both [a] and [b] to [x]; "
                        + "option [fields]: must give field [c] a new name, got [ ]; "
                        + "option [fields]: must give field [d] a new name, got [[y]]");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RecordFunction copy = roundTrip(function(FACTORY, Map.of("fields", Map.of("a", "z"))));
        assertThat(apply(copy, record("a", 1L, "b", 2L))).containsExactly(record("z", 1L, "b", 2L));
    }
}
