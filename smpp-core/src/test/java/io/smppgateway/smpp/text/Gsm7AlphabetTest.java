package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gsm7AlphabetTest {

    @Test
    void encodesTableEdgesAsUnpackedSeptets() {
        byte[] expected = Octets.of(
                0x00,        // '@'  first entry of the basic table
                0x7F,        // 'à'  last entry of the basic table
                0x1B, 0x65,  // '€'  escape + 0x65
                0x1B, 0x28,  // '{'  escape + 0x28
                0x1B, 0x29,  // '}'  escape + 0x29
                0x1B, 0x0A,  // form feed, escape + 0x0A (lowest extension code)
                0x1B, 0x40,  // '|'  escape + 0x40
                0x10,        // 'Δ'  Greek capitals live at 0x10-0x1A
                0x1A,        // 'Ξ'
                0x1F,        // 'É'  just after the escape code
                0x24,        // '¤'  where ASCII has '$'
                0x02,        // '$'
                0x0A,        // LF
                0x0D,        // CR
                0x40,        // '¡'  where ASCII has '@'
                0x60);       // '¿'  where ASCII has '`'
        String text = "@à€{}\f|ΔΞÉ¤$\n\r¡¿";

        assertArrayEquals(expected, Gsm7Alphabet.encode(text));
        assertEquals(text, Gsm7Alphabet.decode(expected));
    }

    @Test
    void countsAnExtensionCharacterAsTwoSeptets() {
        assertEquals(0, Gsm7Alphabet.septetCount(""));
        assertEquals(5, Gsm7Alphabet.septetCount("hello"));
        assertEquals(2, Gsm7Alphabet.septetCount("€"));
        assertEquals(2 * 10 + 1, Gsm7Alphabet.septetCount("^{}\\[~]|€\f@"));
    }

    @Test
    void everyBasicCharacterRoundTripsAndMatchesAnIndependentTable() {
        for (int septet = 0; septet < 128; septet++) {
            if (septet == Gsm7Alphabet.ESCAPE) {
                continue;
            }
            String character = String.valueOf(GSMCharset.CHAR_TABLE[septet]);
            assertArrayEquals(Octets.of(septet), Gsm7Alphabet.encode(character), "septet " + septet);
            assertEquals(character, Gsm7Alphabet.decode(Octets.of(septet)));
            assertArrayEquals(CharsetUtil.encode(character, CharsetUtil.CHARSET_GSM), Gsm7Alphabet.encode(character));
        }
    }

    @Test
    void everyExtensionCharacterRoundTripsAndMatchesAnIndependentTable() {
        int found = 0;
        for (int code = 0; code < GSMCharset.EXT_CHAR_TABLE.length; code++) {
            char c = GSMCharset.EXT_CHAR_TABLE[code];
            if (c == 0) {
                continue;
            }
            found++;
            String character = String.valueOf(c);
            assertTrue(Gsm7Alphabet.isExtension(c), character);
            assertArrayEquals(Octets.of(0x1B, code), Gsm7Alphabet.encode(character), "extension " + code);
            assertEquals(character, Gsm7Alphabet.decode(Octets.of(0x1B, code)));
        }
        assertEquals(10, found);
    }

    @Test
    void wholeAlphabetDecodesLikeAnIndependentDecoder() {
        byte[] all = new byte[127];
        for (int septet = 0, at = 0; septet < 128; septet++) {
            if (septet != Gsm7Alphabet.ESCAPE) {
                all[at++] = (byte) septet;
            }
        }
        assertEquals(CharsetUtil.decode(all, CharsetUtil.CHARSET_GSM), Gsm7Alphabet.decode(all));
    }

    @Test
    void theWholeAlphabetRoundTripsUnpackedAndPackedWithEveryFillBitCount() {
        StringBuilder all = new StringBuilder();
        for (int septet = 0; septet < 128; septet++) {
            if (septet != Gsm7Alphabet.ESCAPE) {
                all.append(GSMCharset.CHAR_TABLE[septet]);
            }
        }
        all.append("\f^{}\\[~]|€");
        String text = all.toString();

        assertEquals(127 + 2 * 10, Gsm7Alphabet.septetCount(text));
        assertEquals(text, Gsm7Alphabet.decode(Gsm7Alphabet.encode(text)));
        assertArrayEquals(CharsetUtil.encode(text, CharsetUtil.CHARSET_PACKED_GSM), Gsm7Alphabet.encodePacked(text, 0));
        for (int fill = 0; fill <= 6; fill++) {
            byte[] packed = Gsm7Alphabet.encodePacked(text, fill);
            assertEquals(text, Gsm7Alphabet.decodePacked(packed, 0, packed.length, fill), "fill " + fill);
        }
    }

    @Test
    void canEncodeIsFalseOutsideTheAlphabet() {
        assertTrue(Gsm7Alphabet.canEncode("Hello, World! €5 {ok}"));
        assertFalse(Gsm7Alphabet.canEncode("ç"));   // only capital Ç (0x09) is in the table
        assertFalse(Gsm7Alphabet.canEncode("`"));
        assertFalse(Gsm7Alphabet.canEncode("\u001B")); // the escape itself is not a character
        assertFalse(Gsm7Alphabet.canEncode("😀"));
        assertFalse(Gsm7Alphabet.canEncode("Привет"));
        assertTrue(Gsm7Alphabet.canEncode(""));
    }

    @Test
    void encodingACharacterOutsideTheAlphabetNamesIt() {
        UnencodableCharacterException e =
                assertThrows(UnencodableCharacterException.class, () -> Gsm7Alphabet.encode("abc ç"));

        assertEquals('ç', e.codePoint());
        assertEquals(4, e.index());
        assertEquals(Alphabet.GSM7, e.alphabet());
        assertTrue(e.getMessage().contains("'ç' (U+00E7) at index 4"), e.getMessage());
    }

    @Test
    void encodingAnEmojiNamesTheWholeCodePoint() {
        UnencodableCharacterException e =
                assertThrows(UnencodableCharacterException.class, () -> Gsm7Alphabet.septetCount("hi 😀"));

        assertEquals(0x1F600, e.codePoint());
        assertTrue(e.getMessage().contains("U+1F600"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80, 0x9B, 0xC0, 0xFF})
    void decodesAnOctetAboveSeventyFToTheReplacementCharacter(int octet) {
        assertEquals("a\uFFFDb", Gsm7Alphabet.decode(Octets.of(0x61, octet, 0x62)));
    }

    @Test
    void decodesADanglingEscapeAtTheEndToTheReplacementCharacter() {
        assertEquals("ab\uFFFD", Gsm7Alphabet.decode(Octets.of(0x61, 0x62, 0x1B)));
        assertEquals("\uFFFD", Gsm7Alphabet.decode(Octets.of(0x1B)));
    }

    @Test
    void decodesAnEscapeBeforeAnInvalidOctetAsTwoReplacements() {
        assertEquals("\uFFFD\uFFFDa", Gsm7Alphabet.decode(Octets.of(0x1B, 0xE5, 0x61)));
    }

    @Test
    void decodesAnEscapeBeforeAnUndefinedCodeAsTheBasicCharacter() {
        // TS 23.038: a receiver shows the basic-table character for an undefined extension code
        assertEquals("A", Gsm7Alphabet.decode(Octets.of(0x1B, 0x41)));
    }

    @Test
    void decodesTwoEscapesAsASpace() {
        // TS 23.038: 0x1B 0x1B is reserved for another extension table; shown as a space
        assertEquals("a b", Gsm7Alphabet.decode(Octets.of(0x61, 0x1B, 0x1B, 0x62)));
    }

    @Test
    void decodesARangeOfTheOctets() {
        byte[] data = Octets.of(0xFF, 0x68, 0x69, 0xFF);
        assertEquals("hi", Gsm7Alphabet.decode(data, 1, 2));
    }
}
