package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataCodingSchemeTest {

    @ParameterizedTest
    @CsvSource({
            // data_coding, alphabet (SMSC default is GSM7)
            "0x00, GSM7", "0x01, ASCII", "0x02, OCTETS", "0x03, LATIN_1", "0x04, OCTETS",
            "0x05, JIS", "0x06, CYRILLIC", "0x07, HEBREW", "0x08, UCS2",
            "0x09, OCTETS", "0x0A, OCTETS", "0x0E, OCTETS", "0x0F, OCTETS",
            "0x10, GSM7", "0x11, GSM7", "0x14, OCTETS", "0x18, UCS2", "0x1C, OCTETS",
            "0x20, OCTETS",  // compressed GSM7
            "0x48, UCS2",    // automatic deletion group, UCS2
            "0x80, OCTETS", "0xBF, OCTETS",
            "0xC0, GSM7", "0xD3, GSM7", "0xE0, UCS2",
            "0xF0, GSM7", "0xF3, GSM7", "0xF4, OCTETS", "0xF7, OCTETS", "0xF8, OCTETS", "0xFF, OCTETS",
    })
    void interpretsTheAlphabet(String dataCoding, Alphabet alphabet) {
        assertEquals(alphabet, DataCodingScheme.interpret(Integer.decode(dataCoding), true).alphabet());
    }

    @Test
    void smscDefaultIsEightBitWhenTheSmscHasNoGsm7() {
        assertEquals(Alphabet.LATIN_1, DataCodingScheme.interpret(0x00, false).alphabet());
        assertEquals(Alphabet.GSM7, DataCodingScheme.interpret(0xF0, false).alphabet());
    }

    @Test
    void readsTheMessageClass() {
        assertEquals(OptionalInt.of(0), DataCodingScheme.interpret(0xF0, true).messageClass());  // flash SMS
        assertEquals(OptionalInt.of(1), DataCodingScheme.interpret(0xF5, true).messageClass());
        assertEquals(OptionalInt.of(3), DataCodingScheme.interpret(0x1B, true).messageClass());
        assertEquals(OptionalInt.empty(), DataCodingScheme.interpret(0x08, true).messageClass());
        assertEquals(OptionalInt.empty(), DataCodingScheme.interpret(0x0B, true).messageClass());
    }

    @Test
    void marksCompressedText() {
        assertTrue(DataCodingScheme.interpret(0x20, true).compressed());
        assertTrue(DataCodingScheme.interpret(0x68, true).compressed());
        assertFalse(DataCodingScheme.interpret(0x10, true).compressed());
    }

    @Test
    void everyOctetHasAnInterpretationAndAnySignedByteIsAccepted() {
        for (int value = -128; value < 256; value++) {
            DataCodingScheme scheme = DataCodingScheme.interpret(value, true);
            assertNotNull(scheme.alphabet());
            assertEquals(value & 0xFF, scheme.value());
        }
        assertEquals(Alphabet.GSM7, DataCodingScheme.interpret((byte) 0xF1, true).alphabet());
    }

    @Test
    void dataCodingOfAcceptsZeroToEightOnly() {
        for (int value = 0; value <= 8; value++) {
            assertEquals(value, DataCoding.of(value).value());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataCoding.of(9));
        assertTrue(e.getMessage().contains("0 to 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataCoding.of(-1));
    }

    @Test
    void dataCodingGivesBitsPerCharacter() {
        assertEquals(7, DataCoding.SMSC_DEFAULT.bitsPerCharacter(true));
        assertEquals(8, DataCoding.SMSC_DEFAULT.bitsPerCharacter(false));
        assertEquals(8, DataCoding.IA5.bitsPerCharacter(true));
        assertEquals(8, DataCoding.OCTET_UNSPECIFIED_4.bitsPerCharacter(true));
        assertEquals(16, DataCoding.JIS.bitsPerCharacter(true));
        assertEquals(16, DataCoding.UCS2.bitsPerCharacter(true));
    }
}
