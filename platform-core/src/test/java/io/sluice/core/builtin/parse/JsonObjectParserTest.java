package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.parse;
import static io.sluice.core.builtin.parse.TestingParseTransform.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;

class JsonObjectParserTest {
    private static final Map<String, Object> JSON = Map.of("format", "json");

    @Test
    void readsTopLevelScalarsAsTypedFieldsAndNestedValuesAsJsonText() throws Exception {
        String line = "{\"host\":\"web-1\",\"code\":503,\"ratio\":0.25,\"ok\":false,\"gone\":null,"
                + "\"tags\":[\"a\", 1],\"user\":{\"id\": 7},\"huge\":123456789012345678901234567890}";
        assertThat(parse(JSON, line)).containsExactly(parsed(line,
                "host", "web-1",
                "code", 503L,
                "ratio", 0.25,
                "ok", false,
                "gone", null,
                "tags", "[\"a\",1]",
                "user", "{\"id\":7}",
                "huge", "123456789012345678901234567890"));
    }

    @Test
    void readsOnlyListedFieldsInListOrderWithMissingOnesNull() throws Exception {
        String line = "{\"a\":1,\"b\":\"x\",\"c\":true}";
        assertThat(parse(Map.of("format", "json", "fields", List.of("c", "a", "z")), line)).containsExactly(
                parsed(line, "c", true, "a", 1L, "z", null));
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> parse(JSON, "[1,2]"))
                .isInstanceOf(RecordException.class)
                .hasMessage("JSON value is [array], expected an object");
        assertThatThrownBy(() -> parse(JSON, "\"text\""))
                .isInstanceOf(RecordException.class)
                .hasMessage("JSON value is [string], expected an object");
        assertThatThrownBy(() -> parse(JSON, "   "))
                .isInstanceOf(RecordException.class)
                .hasMessage("text is empty; expected a JSON object");
    }

    @Test
    void rejectsMalformedJsonAndTrailingContentWithoutQuotingTheText() {
        assertThatThrownBy(() -> parse(JSON, "{\"a\": secret}"))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("text is not valid JSON: Unrecognized token 'secret'")
                .hasMessageEndingWith(" at line [1], column [13]");
        assertThatThrownBy(() -> parse(JSON, "{\"a\":1} {\"b\":2}"))
                .isInstanceOf(RecordException.class)
                .hasMessageStartingWith("text is not valid JSON: Trailing token (of type START_OBJECT) found after value")
                .hasMessageNotContaining("\"b\"");
    }
}
