package io.smppgateway.smpp.text;

import static io.smppgateway.smpp.text.ConcatenationMethod.SAR_TLVS;
import static io.smppgateway.smpp.text.ConcatenationMethod.UDH_16_BIT_REFERENCE;
import static io.smppgateway.smpp.text.ConcatenationMethod.UDH_8_BIT_REFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingChooserTest {

    @Test
    void choosesGsm7WhenEveryCharacterEncodes() {
        EncodingChoice choice = EncodingChooser.choose("Price: 5€ {approx}", true, UDH_8_BIT_REFERENCE);

        assertEquals(DataCoding.SMSC_DEFAULT, choice.dataCoding());
        assertEquals(Alphabet.GSM7, choice.alphabet());
        assertEquals(18 + 3, choice.units()); // €, { and } take two septets each
        assertEquals(1, choice.segments());
    }

    @Test
    void choosesUcs2WhenOneCharacterIsOutsideGsm7() {
        EncodingChoice choice = EncodingChooser.choose("ça va", true, UDH_8_BIT_REFERENCE);

        assertEquals(DataCoding.UCS2, choice.dataCoding());
        assertEquals(Alphabet.UCS2, choice.alphabet());
        assertEquals(5, choice.units());
    }

    @Test
    void withoutGsm7PlainAsciiGoesAsTheEightBitDefault() {
        EncodingChoice choice = EncodingChooser.choose("Hello {world}", false, UDH_8_BIT_REFERENCE);

        assertEquals(DataCoding.SMSC_DEFAULT, choice.dataCoding());
        assertEquals(Alphabet.LATIN_1, choice.alphabet());
        assertEquals(13, choice.units()); // braces are one octet each in 8-bit
    }

    @Test
    void withoutGsm7LatinTextGoesAsLatin1AndOtherTextAsUcs2() {
        assertEquals(DataCoding.LATIN_1, EncodingChooser.choose("ça va", false, SAR_TLVS).dataCoding());
        assertEquals(DataCoding.UCS2, EncodingChooser.choose("Привет", false, SAR_TLVS).dataCoding());
        assertEquals(DataCoding.UCS2, EncodingChooser.choose("5€", false, SAR_TLVS).dataCoding());
    }

    @ParameterizedTest
    @CsvSource({
            // character, gsm7, method, single limit, per-part limit
            "a, true, UDH_8_BIT_REFERENCE, 160, 153",
            "a, true, UDH_16_BIT_REFERENCE, 160, 152",
            "a, true, SAR_TLVS, 160, 160",
            "a, false, UDH_8_BIT_REFERENCE, 140, 134",
            "a, false, UDH_16_BIT_REFERENCE, 140, 133",
            "a, false, SAR_TLVS, 140, 140",
            "Ж, true, UDH_8_BIT_REFERENCE, 70, 67",
            "Ж, true, UDH_16_BIT_REFERENCE, 70, 66",
            "Ж, true, SAR_TLVS, 70, 70",
    })
    void limitsAreTheManuals(String character, boolean gsm7, ConcatenationMethod method, int single, int perPart) {
        EncodingChoice atLimit = EncodingChooser.choose(character.repeat(single), gsm7, method);
        assertEquals(1, atLimit.segments());
        assertEquals(single, atLimit.segmentCapacity());
        assertTrue(atLimit.isSinglePart());

        EncodingChoice overLimit = EncodingChooser.choose(character.repeat(single + 1), gsm7, method);
        assertEquals(perPart, overLimit.segmentCapacity());
        assertEquals((single + 1 + perPart - 1) / perPart, overLimit.segments());

        EncodingChoice threeFullParts = EncodingChooser.choose(character.repeat(3 * perPart), gsm7, method);
        assertEquals(3, threeFullParts.segments());
        assertEquals(4, EncodingChooser.choose(character.repeat(3 * perPart + 1), gsm7, method).segments());
    }

    @Test
    void countsTheExtraSegmentAnUncuttableEscapePairCauses() {
        // 152 + '€' cannot share a 153-septet part: the pair moves to part 2
        String text = "a".repeat(152) + "€" + "b".repeat(152);
        EncodingChoice choice = EncodingChooser.choose(text, true, UDH_8_BIT_REFERENCE);

        assertEquals(152 + 2 + 152, choice.units());
        assertEquals(3, choice.segments()); // 306 septets would fit in 2 x 153 if the pair could be cut
    }

    @Test
    void aForcedDataCodingIsMeasuredAsIs() {
        EncodingChoice choice = EncodingChooser.forced("hello", DataCoding.UCS2, true, UDH_16_BIT_REFERENCE);

        assertEquals(DataCoding.UCS2, choice.dataCoding());
        assertEquals(5, choice.units());
        assertEquals(UDH_16_BIT_REFERENCE, choice.method());
    }

    @Test
    void aForcedDataCodingThatCannotHoldTheTextNamesTheCharacter() {
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> EncodingChooser.forced("Привет", DataCoding.LATIN_1, true, UDH_8_BIT_REFERENCE));
        assertEquals('П', e.codePoint());
    }

    @Test
    void reportsWhenATextNeedsMoreThan255Parts() {
        assertTrue(EncodingChooser.choose("a".repeat(153 * 255), true, UDH_8_BIT_REFERENCE).fitsMaxParts());
        EncodingChoice tooLong = EncodingChooser.choose("a".repeat(153 * 255 + 1), true, UDH_8_BIT_REFERENCE);
        assertEquals(256, tooLong.segments());
        assertFalse(tooLong.fitsMaxParts());
    }

    @Test
    void anEmptyTextIsOneEmptySegment() {
        EncodingChoice choice = EncodingChooser.choose("", true, UDH_8_BIT_REFERENCE);
        assertEquals(0, choice.units());
        assertEquals(1, choice.segments());
    }
}
