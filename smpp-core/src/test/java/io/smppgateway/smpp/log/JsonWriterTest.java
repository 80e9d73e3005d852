package io.smppgateway.smpp.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

    private final StringBuilder out = new StringBuilder();
    private final JsonWriter json = new JsonWriter(out);

    @Test
    void writesOneMemberPerLineTwoSpacesPerLevel() {
        json.beginObject()
                .name("Header").beginObject().member("command_length", 16).member("command_id", 21).endObject()
                .member("flag", false)
                .name("list").beginArray()
                .beginObject().member("a", "x").endObject()
                .value(2)
                .endArray()
                .endObject();

        assertEquals("""
                {
                  "Header": {
                    "command_length": 16,
                    "command_id": 21
                  },
                  "flag": false,
                  "list": [
                    {
                      "a": "x"
                    },
                    2
                  ]
                }""", out.toString());
    }

    @Test
    void writesEmptyObjectsAndArraysOnOneLine() {
        json.beginObject().name("o").beginObject().endObject().name("a").beginArray().endArray().endObject();

        assertEquals("{\n  \"o\": {},\n  \"a\": []\n}", out.toString());
    }

    @Test
    void appendsToWhatTheBuilderAlreadyHolds() {
        out.append("ENQUIRE_LINK:\n");

        json.beginObject().member("n", 1).endObject();

        assertEquals("ENQUIRE_LINK:\n{\n  \"n\": 1\n}", out.toString());
    }

    @Test
    void writesLongsInFull() {
        json.beginArray().value(4294967295L).value(-1).value(0).endArray();

        assertEquals("[\n  4294967295,\n  -1,\n  0\n]", out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "quote              | a\"b           | \"a\\\"b\"",
            "backslash          | a\\b           | \"a\\\\b\"",
            "slash is left      | a/b            | \"a/b\"",
            "plain ASCII        | Have a nice day! | \"Have a nice day!\"",
    })
    void escapesWhatJsonRequires(String what, String text, String expected) {
        json.value(text);

        assertEquals(expected, out.toString());
    }

    @Test
    void escapesEveryControlCharacter() {
        json.value("\n\r\t\b\f\u0000\u0001\u001f");

        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\"", out.toString());
    }

    @Test
    void escapesTheLineAndParagraphSeparators() {
        json.value("a\u2028b\u2029c");

        assertEquals("\"a\\u2028b\\u2029c\"", out.toString());
    }

    @Test
    void keepsNonAsciiTextAndSurrogatePairsAsTheyAre() {
        json.value("Привет \u00e9 \u05e9 \ud83d\ude00 \u007f");

        assertEquals("\"Привет \u00e9 \u05e9 \ud83d\ude00 \u007f\"", out.toString());
    }

    @Test
    void escapesLoneSurrogatesSoThatTheTextStaysValid() {
        json.value("\ud83d x \ude00 \ud800\ud83d\ude00 \ude00\ude00");

        assertEquals("\"\\ud83d x \\ude00 \\ud800\ud83d\ude00 \\ude00\\ude00\"", out.toString());
    }

    @Test
    void escapesNames() {
        json.beginObject().member("0x\"1401\"", "v").endObject();

        assertEquals("{\n  \"0x\\\"1401\\\"\": \"v\"\n}", out.toString());
    }

    @Test
    void refusesANameOutsideAnObject() {
        assertThrows(IllegalStateException.class, () -> json.name("x"));
        json.beginArray();
        assertThrows(IllegalStateException.class, () -> json.name("x"));
    }

    @Test
    void refusesAValueWithoutANameInAnObject() {
        json.beginObject();

        assertThrows(IllegalStateException.class, () -> json.value(1));
    }

    @Test
    void refusesTwoNamesInARow() {
        json.beginObject().name("a");

        assertThrows(IllegalStateException.class, () -> json.name("b"));
    }

    @Test
    void refusesToCloseWhatIsNotOpen() {
        assertThrows(IllegalStateException.class, json::endObject);
        json.beginObject();
        assertThrows(IllegalStateException.class, json::endArray);
        json.name("a");
        assertThrows(IllegalStateException.class, json::endObject);
    }

    @Test
    void refusesASecondTopLevelValue() {
        json.beginObject().endObject();

        assertThrows(IllegalStateException.class, () -> json.value(1));
    }
}
