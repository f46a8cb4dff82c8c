package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.parse;
import static io.sluice.core.builtin.parse.TestingParseTransform.parsed;
import static io.sluice.core.builtin.parse.TestingParseTransform.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;

class CsvParserTest {
    private static final Map<String, Object> CSV = Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message"));

    @Test
    void readsPlainFields() throws Exception {
        String line = "2024-01-01T00:00:00Z,web-1,ERROR,disk full";
        assertThat(parse(CSV, line)).containsExactly(
                parsed(line, "ts", "2024-01-01T00:00:00Z", "host", "web-1", "level", "ERROR", "message", "disk full"));
    }

    @Test
    void readsQuotedFieldsWithDelimitersAndDoubledQuotes() throws Exception {
        String line = "1,\"web,1\",\"\",\"he said \"\"no\"\"\"";
        assertThat(parse(CSV, line)).containsExactly(
                parsed(line, "ts", "1", "host", "web,1", "level", "", "message", "he said \"no\""));
    }

    @Test
    void keepsEmptyFieldsIncludingTrailingOne() throws Exception {
        String line = ",,,";
        assertThat(parse(CSV, line)).containsExactly(parsed(line, "ts", "", "host", "", "level", "", "message", ""));
    }

    @Test
    void keepsWhitespaceUnlessTrimmed() throws Exception {
        String line = " 1 , web-1 ,  \"a, b\"  , x ";
        assertThat(parse(CSV, "1, web-1 ,a,x ")).containsExactly(
                parsed("1, web-1 ,a,x ", "ts", "1", "host", " web-1 ", "level", "a", "message", "x "));
        assertThat(parse(with(CSV, "trim", true), line)).containsExactly(
                parsed(line, "ts", "1", "host", "web-1", "level", "a, b", "message", "x"));
    }

    @Test
    void usesOtherDelimiterAndQuote() throws Exception {
        String line = "1;'a;b';'it''s';x";
        assertThat(parse(with(with(CSV, "delimiter", ";"), "quote", "'"), line)).containsExactly(
                parsed(line, "ts", "1", "host", "a;b", "level", "it's", "message", "x"));
    }

    @Test
    void readsTabSeparatedValuesWithTrim() throws Exception {
        String line = "1\t\tb \t c";
        assertThat(parse(with(with(CSV, "delimiter", "\t"), "trim", true), line)).containsExactly(
                parsed(line, "ts", "1", "host", "", "level", "b", "message", "c"));
    }

    @Test
    void treatsQuotesAsTextWhenQuotingIsOff() throws Exception {
        String line = "1,\"a,b\",c";
        assertThat(parse(Map.of("format", "csv", "fields", List.of("a", "b", "c", "d"), "quote", ""), line)).containsExactly(
                parsed(line, "a", "1", "b", "\"a", "c", "b\"", "d", "c"));
    }

    @Test
    void rejectsWrongFieldCountNamingExpectedAndGot() {
        assertThatThrownBy(() -> parse(CSV, "1,web-1,ERROR"))
                .isInstanceOf(RecordException.class)
                .hasMessage("CSV line has the wrong number of fields: expected [4], got [3]");
        assertThatThrownBy(() -> parse(CSV, "1,web-1,ERROR,x,extra"))
                .isInstanceOf(RecordException.class)
                .hasMessage("CSV line has the wrong number of fields: expected [4], got [5]");
    }

    @Test
    void fillsMissingFieldsWithNullAndIgnoresExtraOnesWhenNotStrict() throws Exception {
        Map<String, Object> lenient = with(CSV, "strict-field-count", false);
        assertThat(parse(lenient, "1,web-1")).containsExactly(
                parsed("1,web-1", "ts", "1", "host", "web-1", "level", null, "message", null));
        assertThat(parse(lenient, "1,web-1,ERROR,x,extra")).containsExactly(
                parsed("1,web-1,ERROR,x,extra", "ts", "1", "host", "web-1", "level", "ERROR", "message", "x"));
    }

    @Test
    void rejectsBadQuoting() {
        assertThatThrownBy(() -> parse(CSV, "1,\"web-1,ERROR,x"))
                .isInstanceOf(RecordException.class)
                .hasMessage("CSV field [2] has a quote at position [3] that is never closed");
        assertThatThrownBy(() -> parse(CSV, "1,\"web\"1,ERROR,x"))
                .isInstanceOf(RecordException.class)
                .hasMessage("CSV field [2] has text after its closing quote at position [8]");
        assertThatThrownBy(() -> parse(CSV, "1,we\"b,ERROR,x"))
                .isInstanceOf(RecordException.class)
                .hasMessage("CSV field [2] has a quote inside an unquoted value at position [5]; "
                        + "enclose the whole field in quotes and double the quote");
    }
}
