package io.sluice.core.builtin.select;

import static io.sluice.core.builtin.select.TestingSelectTransforms.apply;
import static io.sluice.core.builtin.select.TestingSelectTransforms.function;
import static io.sluice.core.builtin.select.TestingSelectTransforms.record;
import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.TransformFactory;

class DropTransformFactoryTest {
    private static final DropTransformFactory FACTORY = new DropTransformFactory();

    @Test
    void declaresDocumentedOptions() {
        assertThat(FACTORY.type()).isEqualTo("drop");
        assertThat(FACTORY.options().specs()).extracting(OptionSpec::toString)
                .containsExactly("OptionSpec{fields: list<string>, required}");
        assertThat(DropTransformFactory.FIELDS.doc()).isNotBlank();
    }

    @Test
    void removesListedFieldsKeepingTheRestInOrder() throws Exception {
        RecordFunction function = function(FACTORY, Map.of("fields", List.of("host", "nope", "ts")));
        assertThat(apply(function, record("ts", 1L, "host", "web", "level", "ERROR", "msg", "x")))
                .containsExactly(record("level", "ERROR", "msg", "x"));
    }

    @Test
    void passesARecordWithoutTheFieldsAsItIs() throws Exception {
        Record record = record("level", "ERROR");
        assertThat(apply(function(FACTORY, Map.of("fields", "host")), record)).singleElement().isSameAs(record);
    }

    @Test
    void rejectsEmptyFieldLists() {
        assertThatThrownBy(() -> function(FACTORY, Map.of("fields", List.of())))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [fields]: must not be empty");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RecordFunction copy = roundTrip(function(FACTORY, Map.of("fields", List.of("a"))));
        assertThat(apply(copy, record("a", 1L, "b", 2L))).containsExactly(record("b", 2L));
    }

    @Test
    void isRegisteredWithSelectAndRenameByTheModuleFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(SelectPluginModule.class);
        Set<TransformFactory> factories = Guice.createInjector(new SelectPluginModule())
                .getInstance(Key.get(new TypeLiteral<Set<TransformFactory>>() { }));
        assertThat(factories).extracting(TransformFactory::type).containsExactlyInAnyOrder("select", "rename", "drop");
    }
}
