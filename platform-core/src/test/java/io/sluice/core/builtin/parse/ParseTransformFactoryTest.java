package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.function;
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
import io.sluice.api.transform.TransformFactory;

class ParseTransformFactoryTest {
    @Test
    void declaresEveryOptionWithDocDefaultsAndAllowedValues() {
        ParseTransformFactory factory = new ParseTransformFactory();
        assertThat(factory.type()).isEqualTo("parse");
        assertThat(factory.options().specs()).extracting(OptionSpec::toString).containsExactly(
                "OptionSpec{format: one of [csv, json, regex, kv], required}",
                "OptionSpec{from: string}",
                "OptionSpec{fields: list<string>}",
                "OptionSpec{delimiter: string, default ,}",
                "OptionSpec{quote: string, default \"}",
                "OptionSpec{strict-field-count: boolean, default true}",
                "OptionSpec{trim: boolean, default false}",
                "OptionSpec{pattern: string}",
                "OptionSpec{pair-separator: string}",
                "OptionSpec{kv-separator: string, default =}",
                "OptionSpec{types: object}",
                "OptionSpec{event-time: string}",
                "OptionSpec{keep-payload: boolean, default true}");
        assertThat(factory.options().specs()).allSatisfy(spec -> assertThat(spec.doc()).isNotBlank());
    }

    @Test
    void rejectsAnUnknownFormatWithASuggestion() {
        assertThatThrownBy(() -> function(Map.of("format", "jsn")))
                .isInstanceOf(OptionsException.class)
                // OptionSpecs (platform-api) then also reports the option as missing; only the first problem is ours to fix.
                .hasMessageStartingWith("option [format]: expected one of [csv, json, regex, kv], got [jsn]; did you mean [json]?");
    }

    @Test
    void reportsEveryCsvProblemAtOnce() {
        assertThatThrownBy(() -> function(Map.of("format", "csv", "delimiter", ";;", "pattern", "x", "event-time", " ")))
                .isInstanceOf(OptionsException.class)
                .hasMessage("option [pattern]: does not apply to format [csv]; it is for format [regex]; "
                        + "option [event-time]: must not be blank; "
                        + "option [fields]: is required for format [csv]: " + ParseOptions.FIELDS.doc() + "; "
                        + "option [delimiter]: must be a single character, got [;;]");
    }

    @Test
    void rejectsBadCsvFieldListsAndQuotes() {
        assertThatThrownBy(() -> function(Map.of("format", "csv", "fields", List.of())))
                .hasMessage("option [fields]: must not be empty");
        assertThatThrownBy(() -> function(Map.of("format", "csv", "fields", List.of("a", " ", "a"), "quote", ",")))
                .hasMessage("option [fields]: must not contain a blank name; option [fields]: names field [a] twice; "
                        + "option [quote]: must differ from option [delimiter], both are [,]");
    }

    @Test
    void rejectsTypesAndEventTimeForFieldsTheFormatDoesNotProduce() {
        assertThatThrownBy(() -> function(Map.of("format", "csv", "fields", List.of("a", "b"),
                "types", Map.of("c", "long"), "event-time", "ts")))
                .hasMessage("option [types]: names field [c], which is not parsed; parsed fields are [a, b]; "
                        + "option [event-time]: names field [ts], which is not parsed; parsed fields are [a, b]");
        assertThatThrownBy(() -> function(Map.of("format", "kv", "types", Map.of("a", "int"))))
                .hasMessage("option [types]: gives field [a] type [int]; expected one of [string, long, double, boolean, timestamp]");
    }

    @Test
    void rejectsMissingInvalidOrGrouplessPatterns() {
        assertThatThrownBy(() -> function(Map.of("format", "regex")))
                .hasMessage("option [pattern]: is required for format [regex]: " + ParseOptions.PATTERN.doc());
        assertThatThrownBy(() -> function(Map.of("format", "regex", "pattern", "(?<a>x")))
                .hasMessage("option [pattern]: is not a valid regular expression: Unclosed group at index [6]");
        assertThatThrownBy(() -> function(Map.of("format", "regex", "pattern", "(x)")))
                .hasMessage("option [pattern]: has no named group; name each field's group as (?<name>...)");
        assertThatThrownBy(() -> function(Map.of("format", "regex", "pattern", "(?<a>x)", "fields", List.of("a"))))
                .hasMessage("option [fields]: does not apply to format [regex]; it is for formats [csv, json]");
    }

    @Test
    void rejectsEmptyOrEqualKeyValueSeparators() {
        assertThatThrownBy(() -> function(Map.of("format", "kv", "pair-separator", "", "kv-separator", "")))
                .hasMessage("option [pair-separator]: must not be empty; unset it to separate pairs by whitespace; "
                        + "option [kv-separator]: must not be empty");
        assertThatThrownBy(() -> function(Map.of("format", "kv", "pair-separator", ":", "kv-separator", ":")))
                .hasMessage("option [pair-separator]: must differ from option [kv-separator], both are [:]");
    }

    @Test
    void isRegisteredByItsModuleFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(PluginModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(ParsePluginModule.class);
        Set<TransformFactory> factories = Guice.createInjector(new ParsePluginModule())
                .getInstance(Key.get(new TypeLiteral<Set<TransformFactory>>() { }));
        assertThat(factories).hasSize(1).first().isInstanceOf(ParseTransformFactory.class);
    }
}
