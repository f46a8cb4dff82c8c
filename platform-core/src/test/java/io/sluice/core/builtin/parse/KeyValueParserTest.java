package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.parse;
import static io.sluice.core.builtin.parse.TestingParseTransform.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;

class KeyValueParserTest {
    private static final Map<String, Object> KV = Map.of("format", "kv");

    @Test
    void readsWhitespaceSeparatedPairsWithQuotedValues() throws Exception {
        String line = "  level=INFO msg=\"disk \\\"sda\\\" full\"\tcode=7 empty= path=\"C:\\\\tmp\"  ";
        assertThat(parse(KV, line)).containsExactly(
                parsed(line, "level", "INFO", "msg", "disk \"sda\" full", "code", "7", "empty", "", "path", "C:\\tmp"));
    }

    @Test
    void readsLiteralSeparatorsIgnoringSurroundingWhitespace() throws Exception {
        String line = "a: 1 , b : \"x, y\" ,, c:";
        assertThat(parse(Map.of("format", "kv", "pair-separator", ",", "kv-separator", ":"), line)).containsExactly(
                parsed(line, "a", "1", "b", "x, y", "c", ""));
    }

    @Test
    void readsMultiCharacterSeparatorsThatStartWithWhitespace() throws Exception {
        String line = "a=\"1\" | b=2";
        assertThat(parse(Map.of("format", "kv", "pair-separator", " | "), line)).containsExactly(
                parsed(line, "a", "1", "b", "2"));
    }

    @Test
    void letsALaterPairReplaceAnEarlierOne() throws Exception {
        assertThat(parse(KV, "a=1 b=2 a=3")).containsExactly(parsed("a=1 b=2 a=3", "a", "3", "b", "2"));
    }

    @Test
    void rejectsMalformedPairs() {
        assertThatThrownBy(() -> parse(KV, "a=1 oops b=2"))
                .isInstanceOf(RecordException.class)
                .hasMessage("key-value pair at position [5] has no separator [=]");
        assertThatThrownBy(() -> parse(KV, "a=1 =2"))
                .isInstanceOf(RecordException.class)
                .hasMessage("key-value pair at position [5] has an empty key");
        assertThatThrownBy(() -> parse(KV, "a=1 msg=\"open"))
                .isInstanceOf(RecordException.class)
                .hasMessage("value of key [msg] has a quote at position [9] that is never closed");
        assertThatThrownBy(() -> parse(KV, "msg=\"a\"b c=1"))
                .isInstanceOf(RecordException.class)
                .hasMessage("value of key [msg] has text after its closing quote at position [8]");
    }
}
