package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.CharsetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlphabetTest {

    @Test
    void ucs2WritesBmpCharactersAsBigEndianUnits() {
        byte[] expected = Octets.of(
                0x04, 0x1F,  // 'П' U+041F
                0x00, 0x41,  // 'A' U+0041
                0x20, 0xAC); // '€' U+20AC

        assertArrayEquals(expected, Alphabet.UCS2.encode("ПA€"));
        assertEquals("ПA€", Alphabet.UCS2.decode(expected));
        assertArrayEquals(CharsetUtil.encode("ПA€", CharsetUtil.CHARSET_UCS_2), expected);
    }

    @Test
    void ucs2WritesACharacterOutsideTheBmpAsASurrogatePair() {
        byte[] expected = Octets.of(
                0xD8, 0x3D,  // high surrogate of U+1F600
                0xDE, 0x00,  // low surrogate
                0x00, 0x21); // '!'

        assertArrayEquals(expected, Alphabet.UCS2.encode("😀!"));
        assertEquals("😀!", Alphabet.UCS2.decode(expected));
        assertEquals(3, Alphabet.UCS2.units("😀!"));
    }

    @Test
    void ucs2DecodesAnOddLastOctetToTheReplacementCharacter() {
        assertEquals("A\uFFFD", Alphabet.UCS2.decode(Octets.of(0x00, 0x41, 0x42)));
        assertEquals("\uFFFD", Alphabet.UCS2.decode(Octets.of(0x42)));
        assertEquals("", Alphabet.UCS2.decode(new byte[0]));
    }

    @Test
    void ucs2CarriesALoneSurrogateUnchanged() {
        String lone = "a\uD83D";
        assertEquals(lone, Alphabet.UCS2.decode(Alphabet.UCS2.encode(lone)));
    }

    @Test
    void asciiDecodesOctetsAboveSeventyFToTheReplacementCharacter() {
        assertEquals("A\uFFFDB", Alphabet.ASCII.decode(Octets.of(0x41, 0xE9, 0x42)));
        assertThrows(UnencodableCharacterException.class, () -> Alphabet.ASCII.encode("café"));
    }

    @Test
    void eightBitAlphabetsUseTheirIsoTables() {
        assertArrayEquals(Octets.of(0xE9), Alphabet.LATIN_1.encode("é"));            // ISO-8859-1 E9
        assertArrayEquals(Octets.of(0xBF, 0xE0), Alphabet.CYRILLIC.encode("Пр"));     // ISO-8859-5 BF, E0
        assertArrayEquals(Octets.of(0xE0, 0xFA), Alphabet.HEBREW.encode("את"));       // ISO-8859-8 E0, FA
        assertEquals("Пр", Alphabet.CYRILLIC.decode(Octets.of(0xBF, 0xE0)));
        assertEquals("את", Alphabet.HEBREW.decode(Octets.of(0xE0, 0xFA)));
    }

    @ParameterizedTest
    @CsvSource({"ASCII, US-ASCII", "LATIN_1, ISO-8859-1", "CYRILLIC, ISO-8859-5", "HEBREW, ISO-8859-8", "OCTETS, ISO-8859-1"})
    void singleOctetAlphabetsAgreeWithTheJdkCharsetOnEveryOctet(Alphabet alphabet, String charsetName) {
        java.nio.charset.Charset charset = java.nio.charset.Charset.forName(charsetName);
        for (int octet = 0; octet < 256; octet++) {
            byte[] one = Octets.of(octet);
            String expected = new String(one, charset);
            assertEquals(expected, alphabet.decode(one), charsetName + " octet " + octet);
            if (!expected.equals("\uFFFD")) {
                assertArrayEquals(expected.getBytes(charset), alphabet.encode(expected), charsetName + " octet " + octet);
            }
        }
    }

    @Test
    void anUnassignedHebrewOctetDecodesToTheReplacementCharacter() {
        assertEquals("\uFFFD", Alphabet.HEBREW.decode(Octets.of(0xA1))); // unassigned in ISO-8859-8
        assertFalse(Alphabet.HEBREW.canEncode("é"));
    }

    @Test
    void jisIsWrittenAsShiftJis() {
        byte[] expected = Octets.of(
                0x82, 0xA0,  // 'あ' U+3042, two octets
                0x8A, 0xBF,  // '漢' U+6F22, two octets
                0x41,        // 'A', one octet
                0xB1);       // 'ｱ' U+FF71 half-width katakana, one octet

        assertArrayEquals(expected, Alphabet.JIS.encode("あ漢Aｱ"));
        assertEquals("あ漢Aｱ", Alphabet.JIS.decode(expected));
        assertEquals(6, Alphabet.JIS.units("あ漢Aｱ"));
        assertFalse(Alphabet.JIS.canEncode("😀"));
    }

    @Test
    void jisDecodesAnIncompleteDoubleOctetWithoutThrowing() {
        assertEquals("あ\uFFFD", Alphabet.JIS.decode(Octets.of(0x82, 0xA0, 0x82)));
    }

    @Test
    void octetsStandForBinaryDataOneCharacterPerOctet() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String text = Alphabet.OCTETS.decode(all);

        assertEquals(256, text.length());
        assertEquals('\u00FF', text.charAt(255));
        assertArrayEquals(all, Alphabet.OCTETS.encode(text));
        assertFalse(Alphabet.OCTETS.canEncode("Ā"));
    }

    @Test
    void encodingNamesTheFirstCharacterWithoutACode() {
        UnencodableCharacterException e =
                assertThrows(UnencodableCharacterException.class, () -> Alphabet.LATIN_1.encode("ok Ж"));
        assertEquals('Ж', e.codePoint());
        assertEquals(3, e.index());
        assertTrue(e.getMessage().contains("LATIN_1"), e.getMessage());
    }

    @Test
    void decodingAnOutOfRangeSliceIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> Alphabet.LATIN_1.decode(new byte[2], 1, 2));
    }

    @ParameterizedTest
    @CsvSource({
            // alphabet, header octets, capacity
            "GSM7, 0, 160", "GSM7, 6, 153", "GSM7, 7, 152",
            "LATIN_1, 0, 140", "LATIN_1, 6, 134", "LATIN_1, 7, 133",
            "OCTETS, 6, 134", "JIS, 0, 140",
            "UCS2, 0, 70", "UCS2, 6, 67", "UCS2, 7, 66",
    })
    void capacityMatchesTheManualsLimits(Alphabet alphabet, int headerOctets, int capacity) {
        assertEquals(capacity, alphabet.capacity(headerOctets));
    }

    @Test
    void bitsPerCharacterAreTheManuals() {
        assertEquals(7, Alphabet.GSM7.bitsPerCharacter());
        assertEquals(8, Alphabet.LATIN_1.bitsPerCharacter());
        assertEquals(16, Alphabet.JIS.bitsPerCharacter());
        assertEquals(16, Alphabet.UCS2.bitsPerCharacter());
    }
}
