package io.sluice.core.builtin.parse;

import static io.sluice.core.builtin.parse.TestingParseTransform.parse;
import static io.sluice.core.builtin.parse.TestingParseTransform.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.RecordException;

class RegexParserTest {
    private static final Map<String, Object> REGEX = Map.of("format", "regex",
            "pattern", "^(?<ts>\\S+) \\[(?<level>[A-Z]+)\\](?: (?<thread>t\\d+))? (?<message>.*)$");

    @Test
    void turnsEveryNamedGroupIntoAField() throws Exception {
        String line = "2024-01-01T00:00:00Z [WARN] t3 slow disk";
        assertThat(parse(REGEX, line)).containsExactly(
                parsed(line, "ts", "2024-01-01T00:00:00Z", "level", "WARN", "thread", "t3", "message", "slow disk"));
    }

    @Test
    void givesNullForAGroupThatDidNotTakePart() throws Exception {
        String line = "2024-01-01T00:00:00Z [INFO] started";
        assertThat(parse(REGEX, line)).containsExactly(
                parsed(line, "ts", "2024-01-01T00:00:00Z", "level", "INFO", "thread", null, "message", "started"));
    }

    @Test
    void usesTheFirstMatchAnywhereWhenNotAnchored() throws Exception {
        String line = "GET /a 200 then 404";
        assertThat(parse(Map.of("format", "regex", "pattern", "(?<status>\\d{3})"), line)).containsExactly(
                parsed(line, "status", "200"));
    }

    @Test
    void rejectsTextThatDoesNotMatch() {
        assertThatThrownBy(() -> parse(REGEX, "not a log line"))
                .isInstanceOf(RecordException.class)
                .hasMessage("text does not match option [pattern]");
    }

    @Test
    void findsNamedGroupsButNotLookBehindsEscapesOrClasses() {
        assertThat(RegexParser.namedGroups("(?<a>x)(?<=y)(?<!z)\\(?<no>)[(?<no2>)](?<b2>(?<c>.))"))
                .containsExactly("a", "b2", "c");
    }
}
