package io.sluice.core.builtin.filter;

import static io.sluice.testkit.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.RecordException;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginModule;
import io.sluice.api.record.FieldSet;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.TransformFactory;
import io.sluice.testkit.TestingPluginContext;

class FilterTransformFactoryTest {
    private static final Origin ORIGIN = new Origin("logs", "p0", 3);
    private static final Record ERROR_ON_WEB = record("level", "ERROR", "host", "web-7", "message", "disk full", "code", 503L);
    private static final Record INFO_ON_DB = record("level", "INFO", "host", "db-1", "message", "ok", "code", 200L);

    @Test
    void declaresOneRequiredDocumentedOption() {
        FilterTransformFactory factory = new FilterTransformFactory();
        assertThat(factory.type()).isEqualTo("filter");
        assertThat(factory.options().specs()).extracting(OptionSpec::toString)
                .containsExactly("OptionSpec{expression: string, required}");
        assertThat(FilterTransformFactory.EXPRESSION.doc()).isNotBlank();
    }

    @Test
    void keepsRecordsForWhichTheExpressionIsTrue() throws Exception {
        RecordFunction function = function("level == 'ERROR' && host =~ 'web.*'");
        assertThat(apply(function, ERROR_ON_WEB)).containsExactly(ERROR_ON_WEB);
        assertThat(apply(function, INFO_ON_DB)).isEmpty();
        assertThat(apply(function, record("level", "ERROR", "host", "db-1"))).isEmpty();
    }

    @Test
    void supportsComparisonsLogicAndStringAndMathFunctions() throws Exception {
        assertKeeps("message.startsWith('disk') and size(message) > 3", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("not (level == 'INFO') or code >= 500", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("!(code < 500) || host.contains('z')", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("math:abs(code - 600) < 100 && message.toUpperCase() == 'DISK FULL'", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("level =~ ['ERROR', 'WARN']", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("host !~ 'db-\\d+' && host =~ 'web-[0-9]'", ERROR_ON_WEB, INFO_ON_DB);
        assertKeeps("message =~ level", record("level", "x.*", "message", "xyz"), record("level", "x.*", "message", "abc"));
        assertKeeps("host.length() == 5 && size(host) == 5", ERROR_ON_WEB, INFO_ON_DB);
    }

    @Test
    void readsTheFieldsItsExpressionNamesBesidesWhatPassesThrough() {
        assertThat(function("message.startsWith('disk') and size(message) > 3 || code >= 500 && level =~ ['WARN', 'ERROR']")
                .requiredFields(FieldSet.of("host")))
                .isEqualTo(FieldSet.of("host", "message", "code", "level"));
        assertThat(function("true").requiredFields(FieldSet.none())).isEqualTo(FieldSet.none());
        assertThat(function("level == 'INFO'").requiredFields(FieldSet.all()).isAll()).isTrue();
    }

    @Test
    void readsAMissingFieldAsNull() throws Exception {
        Record bare = record("level", "ERROR");
        assertThat(apply(function("user == null"), bare)).containsExactly(bare);
        assertThat(apply(function("user == 'bob' || level == 'ERROR'"), bare)).containsExactly(bare);
        assertThat(apply(function("size(user) == 0"), bare)).containsExactly(bare);
    }

    @Test
    void reportsSyntaxErrorsAtCreateWithTheirPosition() {
        assertThatThrownBy(() -> function("level == 'ERROR' &&"))
                .isInstanceOf(OptionsException.class)
                .satisfies(e -> assertThat(((OptionsException) e).kind()).isEqualTo(ErrorKind.USER))
                .hasMessage("option [expression]: is not a valid expression: parsing error in '&&' at line [1], column [18]");
        assertThatThrownBy(() -> function("level == 'ERROR"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: is not a valid expression: tokenization error in ''ERROR' at line [1], column [16]");
        assertThatThrownBy(() -> function("  "))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: must not be blank");
    }

    @Test
    void rejectsAssignmentObjectCreationAndLoopsAtCreate() {
        assertThatThrownBy(() -> function("level = 'x'"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: is not a valid expression: global assign/modify error in 'level' at line [1], column [1]");
        assertThatThrownBy(() -> function("new('java.io.File', '/tmp/x').delete()"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: is not a valid expression: create instance error in 'new(..., ...)' at line [1], column [1]");
        assertThatThrownBy(() -> function("for (var x : [1]) { true }"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: is not a valid expression: parsing error in 'for' at line [1], column [1]");
        assertThatThrownBy(() -> function("level == 'ERROR'; true"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [expression]: is not a valid expression: parsing error in ';' at line [1], column [17]");
    }

    @Test
    void cannotReachClassesBeyondStringsNumbersAndMath() {
        assertThatThrownBy(() -> apply(function("message.getClass().getName() == 'x'"), ERROR_ON_WEB))
                .isInstanceOf(RecordException.class)
                .hasMessage("filter expression failed: unsolvable function/method 'getClass' at line [1], column [8]");
        assertThatThrownBy(() -> apply(function("code.getLong('user.home') == null"), ERROR_ON_WEB))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("filter expression failed: unsolvable function/method 'getLong(String)'");
    }

    @Test
    void failsTheRecordOnEvaluationErrors() {
        assertThatThrownBy(() -> apply(function("message.startsWith('x')"), record("level", "INFO")))
                .isInstanceOf(RecordException.class)
                .hasMessage("filter expression failed: variable 'message' is null at line [1], column [1]");
        assertThatThrownBy(() -> apply(function("code / 0 > 1"), ERROR_ON_WEB))
                .isInstanceOf(RecordException.class)
                .hasMessage("filter expression failed: error in operator [/] at line [1], column [8]");
    }

    @Test
    void failsTheRecordWhenTheResultIsNotBoolean() {
        assertThatThrownBy(() -> apply(function("code + 1"), ERROR_ON_WEB))
                .isInstanceOf(RecordException.class)
                .hasMessage("filter expression must give true or false, got a value of class [Long]");
        assertThatThrownBy(() -> apply(function("user"), ERROR_ON_WEB))
                .isInstanceOf(RecordException.class)
                .hasMessage("filter expression must give true or false, got null");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RecordFunction original = function("level == 'ERROR' && host =~ 'web.*'");
        assertThat(apply(original, ERROR_ON_WEB)).containsExactly(ERROR_ON_WEB);
        RecordFunction copy = roundTrip(original);
        assertThat(copy).isNotSameAs(original);
        assertThat(apply(copy, ERROR_ON_WEB)).containsExactly(ERROR_ON_WEB);
        assertThat(apply(copy, INFO_ON_DB)).isEmpty();
    }

    @Test
    void isRegisteredByItsModuleFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(FilterPluginModule.class);
        Set<TransformFactory> factories = Guice.createInjector(new FilterPluginModule())
                .getInstance(Key.get(new TypeLiteral<Set<TransformFactory>>() { }));
        assertThat(factories).hasSize(1).first().isInstanceOf(FilterTransformFactory.class);
    }

    private static void assertKeeps(String expression, Record kept, Record dropped) throws Exception {
        RecordFunction function = function(expression);
        assertThat(apply(function, kept)).as(expression).containsExactly(kept);
        assertThat(apply(function, dropped)).as(expression).isEmpty();
    }

    static RecordFunction function(String expression) {
        FilterTransformFactory factory = new FilterTransformFactory();
        return factory.create(factory.options().parse(Map.of("expression", expression)), TestingPluginContext.of("transforms[0]")).function();
    }

    static List<Record> apply(RecordFunction function, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        function.apply(record, out::add);
        return out;
    }

    static Record record(Object... namesAndValues) {
        Record.Builder builder = Record.builder().key("k").origin(ORIGIN);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.field((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }
}
