package io.smppgateway.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** smpp.conf read as systemd's EnvironmentFile= reads it. */
class ConfFileTest {

    @Test
    void readsKeyValueLinesSkippingCommentsAndBlankLines() {
        ConfFile conf = ConfFile.parse("""
                # the manual's keys
                ; also a comment
                
                MYSQL_HOST=localhost
                  MYSQL_PORT = 3306 \s
                export SMPP_PORT=2775
                """);

        assertEquals(Map.of("MYSQL_HOST", "localhost", "MYSQL_PORT", "3306", "SMPP_PORT", "2775"), conf.values());
        assertEquals(List.of(), conf.lineErrors());
    }

    @Test
    void unquotesValuesAndKeepsHashesInUnquotedOnes() {
        ConfFile conf = ConfFile.parse("""
                A="two words"
                B='single $quoted \\n'
                C="escaped \\" quote and \\\\ backslash\\nnewline"
                D=pa#ss word
                E=
                F=""
                """);

        assertEquals("two words", conf.values().get("A"));
        assertEquals("single $quoted \\n", conf.values().get("B"));
        assertEquals("escaped \" quote and \\ backslash\nnewline", conf.values().get("C"));
        assertEquals("pa#ss word", conf.values().get("D"));
        assertEquals("", conf.values().get("E"));
        assertEquals("", conf.values().get("F"));
    }

    @Test
    void theLastOfARepeatedKeyWinsAndCrLfLinesAreRead() {
        ConfFile conf = ConfFile.parse("\uFEFFHTTP_PORT=8010\r\nHTTP_PORT=9000\r\n");

        assertEquals(Map.of("HTTP_PORT", "9000"), conf.values());
    }

    @Test
    void reportsEveryMalformedLineByNumber() {
        ConfFile conf = ConfFile.parse("""
                GOOD=1
                no equals sign here
                9BAD=2
                OPEN="never closed
                AFTER="quoted" trailing
                """);

        assertEquals(Map.of("GOOD", "1"), conf.values());
        assertEquals(List.of(
                "line 2: not a KEY=VALUE setting",
                "line 3: '9BAD' is not a setting name",
                "line 4 (OPEN): the value's quote is not closed",
                "line 5 (AFTER): text after the closing quote"), conf.lineErrors());
    }
}
