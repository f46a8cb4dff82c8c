package io.sluice.core.builtin.map;

import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.TransformFactory;
import io.sluice.testkit.TestingPluginContext;

class MapTransformFactoryTest {
    private static final MapTransformFactory FACTORY = new MapTransformFactory();
    private static final String PREFIX = MapTransformFactoryTest.class.getName() + "$";
    private static final Record RECORD = Record.builder().key("k").origin(new Origin("logs", "", 1))
            .field("message", "disk full").build();

    @Test
    void declaresOneRequiredDocumentedOption() {
        assertThat(FACTORY.type()).isEqualTo("map");
        assertThat(FACTORY.options().specs()).extracting(OptionSpec::toString)
                .containsExactly("OptionSpec{class: string, required}");
        assertThat(MapTransformFactory.CLASS.doc()).isNotBlank();
    }

    @Test
    void runsTheUserFunction() throws Exception {
        RecordFunction function = function(TestingUppercaseFunction.class.getName());
        assertThat(function).isInstanceOf(TestingUppercaseFunction.class);
        assertThat(apply(function, RECORD)).containsExactly(
                RECORD.toBuilder().field("message", "DISK").build(),
                RECORD.toBuilder().field("message", "FULL").build());
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RecordFunction copy = roundTrip(function(TestingUppercaseFunction.class.getName()));
        assertThat(apply(copy, RECORD)).containsExactly(
                RECORD.toBuilder().field("message", "DISK").build(),
                RECORD.toBuilder().field("message", "FULL").build());
    }

    @Test
    void looksTheClassUpThroughTheContextClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        // A loader that sees only the JDK: the test classes are invisible through it.
        thread.setContextClassLoader(new ClassLoader(null) { });
        try {
            assertThatThrownBy(() -> function(TestingUppercaseFunction.class.getName()))
                    .isInstanceOf(OptionsException.class)
                    .hasMessage("option [class]: class [" + TestingUppercaseFunction.class.getName()
                            + "] was not found; check the name and that its jar is in plugins/ or lib/");
        }
        finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void reportsClearUserErrorsForClassesThatCannotBeUsed() {
        assertThatThrownBy(() -> function("com.example.Missing"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: class [com.example.Missing] was not found; check the name and that its jar is in plugins/ or lib/");
        assertThatThrownBy(() -> function("java.lang.String"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: class [java.lang.String] does not implement [io.sluice.api.transform.RecordFunction]");
        assertThatThrownBy(() -> function(PREFIX + "AbstractFunction"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: class [" + PREFIX + "AbstractFunction] is abstract; name a concrete class");
        assertThatThrownBy(() -> function(PREFIX + "HiddenFunction"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: class [" + PREFIX + "HiddenFunction] is not public");
        assertThatThrownBy(() -> function(PREFIX + "NoDefaultConstructorFunction"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: class [" + PREFIX + "NoDefaultConstructorFunction] has no public no-argument constructor");
        assertThatThrownBy(() -> function("  "))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [class]: must not be blank");
    }

    @Test
    void reportsConstructorFailuresAndUnserializableInstancesAsUserErrors() {
        assertThatThrownBy(() -> function(PREFIX + "FailingFunction"))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("option [class]: creating an instance of class [" + PREFIX + "FailingFunction] failed: "
                        + "java.lang.IllegalStateException: no config")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> function(PREFIX + "UnserializableFunction"))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("option [class]: an instance of class [" + PREFIX + "UnserializableFunction] cannot be serialized "
                        + "to executors: java.io.NotSerializableException: java.lang.Object");
    }

    @Test
    void isRegisteredByItsModuleFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(MapPluginModule.class);
        Set<TransformFactory> factories = Guice.createInjector(new MapPluginModule())
                .getInstance(Key.get(new TypeLiteral<Set<TransformFactory>>() { }));
        assertThat(factories).hasSize(1).first().isInstanceOf(MapTransformFactory.class);
    }

    private static RecordFunction function(String className) {
        return FACTORY.create(FACTORY.options().parse(Map.of("class", className)), TestingPluginContext.of("transforms[0]")).function();
    }

    private static List<Record> apply(RecordFunction function, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        function.apply(record, out::add);
        return out;
    }

    public abstract static class AbstractFunction implements RecordFunction {
        private static final long serialVersionUID = 1L;
    }

    static final class HiddenFunction implements RecordFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(Record record, Consumer<Record> out) {
            out.accept(record);
        }
    }

    public static final class NoDefaultConstructorFunction implements RecordFunction {
        private static final long serialVersionUID = 1L;

        public NoDefaultConstructorFunction(String prefix) {
        }

        @Override
        public void apply(Record record, Consumer<Record> out) {
            out.accept(record);
        }
    }

    public static final class FailingFunction implements RecordFunction {
        private static final long serialVersionUID = 1L;

        public FailingFunction() {
            throw new IllegalStateException("no config");
        }

        @Override
        public void apply(Record record, Consumer<Record> out) {
            out.accept(record);
        }
    }

    public static final class UnserializableFunction implements RecordFunction {
        private static final long serialVersionUID = 1L;

        // A lock object is the classic accidental capture that Spark cannot ship.
        private final Object lock = new Object();

        @Override
        public void apply(Record record, Consumer<Record> out) {
            synchronized (lock) {
                out.accept(record);
            }
        }
    }
}
