package io.smppgateway.smpp.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PeerTextTest {

    @Test
    void aPlainValueIsWrittenAsItIs() {
        String value = "esme_01-Ünïcode";
        assertSame(value, PeerText.escape(value));
    }

    @Test
    void aNewLineCannotStartAForgedLogLine() {
        String forged = PeerText.escape("esme\nINFO [main] admin logged in");
        assertFalse(forged.contains("\n"));
        assertEquals("esme\\nINFO [main] admin logged in", forged);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "carriage return | a\rb | a\\rb",
            "tab | a\tb | a\\tb",
            "backslash, so that an escape cannot be faked | a\\nb | a\\\\nb",
            "NUL | a\u0000b | a\\x00b",
            "ANSI colour | a\u001b[31mred | a\\x1b[31mred",
            "DEL | a\u007fb | a\\x7fb",
            "8-bit CSI | a\u009bb | a\\x9bb",
            "line separator | a\u2028b | a\\u2028b",
            "right-to-left override | a\u202eb | a\\u202eb",
    })
    void controlCharactersAreEscaped(String what, String value, String expected) {
        assertEquals(expected, PeerText.escape(value), what);
    }

    @Test
    void aLongValueIsCutAndItsRestCounted() {
        String escaped = PeerText.escape("x".repeat(PeerText.MAX_LENGTH + 50));
        assertEquals("x".repeat(PeerText.MAX_LENGTH) + "...(50 more)", escaped);
    }

    @Test
    void nullIsWrittenAsNull() {
        assertEquals("null", PeerText.of(null).toString());
    }

    @Test
    void theWrapperEscapesWhenTheLineIsWritten() {
        assertTrue(PeerText.of("a\nb").toString().contains("\\n"));
    }
}
