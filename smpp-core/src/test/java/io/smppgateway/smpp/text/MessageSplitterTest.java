package io.smppgateway.smpp.text;

import static io.smppgateway.smpp.text.ConcatenationMethod.SAR_TLVS;
import static io.smppgateway.smpp.text.ConcatenationMethod.UDH_16_BIT_REFERENCE;
import static io.smppgateway.smpp.text.ConcatenationMethod.UDH_8_BIT_REFERENCE;
import static io.smppgateway.smpp.text.Gsm7Packing.PACKED;
import static io.smppgateway.smpp.text.Gsm7Packing.UNPACKED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static SplitMessage split(String text, boolean gsm7, ConcatenationMethod method, int reference, Gsm7Packing packing) {
        return MessageSplitter.split(text, EncodingChooser.choose(text, gsm7, method), reference, packing);
    }

    private static byte[] tail(byte[] octets, int from) {
        return Arrays.copyOfRange(octets, from, octets.length);
    }

    @Test
    void exactly160Gsm7CharactersGoAsOneMessageWithNoHeader() {
        String text = "x".repeat(160);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 42, UNPACKED);

        assertEquals(1, message.totalParts());
        Segment only = message.segments().get(0);
        assertEquals(Concatenation.single(), only.part());
        assertFalse(only.udhi());
        assertFalse(only.sarTlvs());
        assertEquals(160, only.shortMessage().length);
        assertEquals(DataCoding.SMSC_DEFAULT, message.dataCoding());
    }

    @Test
    void gsm7Characters161GoAsTwoPartsOf153And8() {
        String text = "x".repeat(161);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 42, UNPACKED);

        assertEquals(2, message.totalParts());
        Segment first = message.segments().get(0);
        Segment second = message.segments().get(1);
        assertEquals(new Concatenation(42, 2, 1), first.part());
        assertEquals(new Concatenation(42, 2, 2), second.part());
        assertTrue(first.udhi());
        assertFalse(first.sarTlvs());
        assertEquals(6 + 153, first.shortMessage().length);
        assertEquals(6 + 8, second.shortMessage().length);
        assertArrayEquals(Octets.of(
                0x05,        // UDHL
                0x00, 0x03,  // concatenation, 8-bit reference, 3 octets
                0x2A,        // reference 42
                0x02,        // 2 parts
                0x02,        // part 2
                0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78, 0x78), // "xxxxxxxx", one septet per octet
                second.shortMessage());
    }

    @Test
    void aPartPackedAfterTheHeaderStartsWithOneFillBit() {
        String text = "a".repeat(2 * 153) + "hello";
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 0xCC, PACKED);

        assertArrayEquals(Octets.of(
                0x05, 0x00, 0x03,             // UDHL 5, IEI 0x00, IEDL 3
                0xCC, 0x03, 0x03,             // reference 0xCC, 3 parts, part 3
                0xD0, 0x65, 0x36, 0xFB, 0x0D), // "hello" after 1 fill bit (see SeptetPackerTest)
                message.segments().get(2).shortMessage());
        // 153 septets + 1 fill bit = 1072 bits = 134 octets: the header and text fill 140 exactly
        assertEquals(140, message.segments().get(0).shortMessage().length);
    }

    @Test
    void aPackedSingleMessageHasNoFillBits() {
        SplitMessage message = split("hellohello", true, UDH_8_BIT_REFERENCE, 1, PACKED);

        assertArrayEquals(Octets.of(0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37),
                message.segments().get(0).shortMessage());
    }

    @Test
    void aSixteenBitReferenceHeaderLeaves152Septets() {
        String text = "y".repeat(161);
        SplitMessage message = split(text, true, UDH_16_BIT_REFERENCE, 0xBEEF, UNPACKED);

        assertEquals(2, message.totalParts());
        byte[] first = message.segments().get(0).shortMessage();
        assertEquals(7 + 152, first.length);
        assertArrayEquals(Octets.of(
                0x06,        // UDHL
                0x08, 0x04,  // concatenation, 16-bit reference, 4 octets
                0xBE, 0xEF,  // reference 0xBEEF
                0x02, 0x01), // 2 parts, part 1
                Arrays.copyOf(first, 7));
        assertEquals("y".repeat(9), message.segments().get(1).text());
    }

    @Test
    void sarTlvPartsCarryNoHeaderAndFullSegments() {
        String text = "z".repeat(161);
        SplitMessage message = split(text, true, SAR_TLVS, 300, UNPACKED);

        assertEquals(2, message.totalParts());
        for (Segment segment : message.segments()) {
            assertFalse(segment.udhi());
            assertTrue(segment.sarTlvs());
            assertEquals(300, segment.part().reference());
        }
        assertEquals(160, message.segments().get(0).shortMessage().length);
        assertArrayEquals(Octets.of(0x7A), message.segments().get(1).shortMessage());
    }

    @Test
    void anEscapePairAtThe153rdSeptetMovesWholeToTheNextPart() {
        String text = "a".repeat(152) + "€" + "b".repeat(20);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 1, UNPACKED);

        Segment first = message.segments().get(0);
        Segment second = message.segments().get(1);
        assertEquals("a".repeat(152), first.text());
        assertEquals(6 + 152, first.shortMessage().length);
        assertNotEquals(0x1B, first.shortMessage()[first.shortMessage().length - 1]);
        assertArrayEquals(Octets.of(0x1B, 0x65, 0x62), Arrays.copyOfRange(second.shortMessage(), 6, 9));
        assertEquals(text, first.text() + second.text());
    }

    @Test
    void anEscapePairEndingExactlyAtThe153rdSeptetStaysInThePart() {
        String text = "a".repeat(151) + "€" + "b".repeat(20);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 1, UNPACKED);

        assertEquals("a".repeat(151) + "€", message.segments().get(0).text());
        assertEquals(6 + 153, message.segments().get(0).shortMessage().length);
    }

    @Test
    void anEmojiStraddlingThe67thUnitMovesWholeToTheNextPart() {
        String text = "ж".repeat(66) + "😀" + "ж".repeat(10);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 9, UNPACKED);

        assertEquals(DataCoding.UCS2, message.dataCoding());
        Segment first = message.segments().get(0);
        Segment second = message.segments().get(1);
        assertEquals("ж".repeat(66), first.text());
        assertEquals(6 + 66 * 2, first.shortMessage().length);
        assertArrayEquals(Octets.of(
                0xD8, 0x3D, 0xDE, 0x00,  // U+1F600 as a surrogate pair, whole
                0x04, 0x36),             // 'ж'
                Arrays.copyOfRange(second.shortMessage(), 6, 12));
    }

    @Test
    void anEmojiEndingExactlyAtThe67thUnitStaysInThePart() {
        String text = "ж".repeat(65) + "😀" + "ж".repeat(10);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 9, UNPACKED);

        assertEquals("ж".repeat(65) + "😀", message.segments().get(0).text());
        assertEquals(6 + 134, message.segments().get(0).shortMessage().length);
    }

    @Test
    void upTo255PartsAreAllowed() {
        String text = "p".repeat(153 * 255);
        SplitMessage message = split(text, true, UDH_8_BIT_REFERENCE, 255, UNPACKED);

        assertEquals(255, message.totalParts());
        Segment last = message.segments().get(254);
        assertEquals(new Concatenation(255, 255, 255), last.part());
        assertArrayEquals(Octets.of(0x05, 0x00, 0x03, 0xFF, 0xFF, 0xFF), Arrays.copyOf(last.shortMessage(), 6));
    }

    @Test
    void aTextNeeding256PartsIsAClearError() {
        String text = "p".repeat(153 * 255 + 1);
        EncodingChoice choice = EncodingChooser.choose(text, true, UDH_8_BIT_REFERENCE);

        MessageTooLongException e = assertThrows(MessageTooLongException.class,
                () -> MessageSplitter.split(text, choice, 1, UNPACKED));
        assertTrue(e.getMessage().contains("needs 256 parts"), e.getMessage());
    }

    @Test
    void theReferenceMustFitTheMethod() {
        String text = "q".repeat(200);
        assertThrows(IllegalArgumentException.class, () -> split(text, true, UDH_8_BIT_REFERENCE, 256, UNPACKED));
        assertThrows(IllegalArgumentException.class, () -> split(text, true, UDH_16_BIT_REFERENCE, 65536, UNPACKED));
        assertThrows(IllegalArgumentException.class, () -> split(text, true, SAR_TLVS, -1, UNPACKED));
        assertEquals(65535, split(text, true, SAR_TLVS, 65535, UNPACKED).segments().get(0).part().reference());
    }

    @Test
    void aForcedDataCodingIsUsedForEveryPart() {
        String text = "hello ".repeat(30); // 180 octets in Latin-1
        EncodingChoice latin = EncodingChooser.forced(text, DataCoding.LATIN_1, true, UDH_8_BIT_REFERENCE);
        SplitMessage message = MessageSplitter.split(text, latin, 5, UNPACKED);

        assertEquals(DataCoding.LATIN_1, message.dataCoding());
        assertEquals(2, message.totalParts());
        assertEquals(6 + 134, message.segments().get(0).shortMessage().length);
        assertArrayEquals(text.substring(134).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                tail(message.segments().get(1).shortMessage(), 6));
    }

    @Test
    void anApplicationSplitPartGetsItsOwnHeader() {
        String text = "years old.";
        Segment segment = MessageSplitter.encodePart(text,
                EncodingChooser.choose(text, true, UDH_8_BIT_REFERENCE), new Concatenation(123, 2, 2), UNPACKED);

        assertTrue(segment.udhi());
        assertArrayEquals(Octets.of(0x05, 0x00, 0x03, 0x7B, 0x02, 0x02), Arrays.copyOf(segment.shortMessage(), 6));
        assertArrayEquals(Gsm7Alphabet.encode(text), tail(segment.shortMessage(), 6));
    }

    @Test
    void anApplicationReferenceAbove255TravelsAsItsLowOctetInAnEightBitHeader() {
        String text = "w".repeat(153);
        Segment segment = MessageSplitter.encodePart(text,
                EncodingChooser.choose(text, true, UDH_8_BIT_REFERENCE), new Concatenation(1000, 2, 1), UNPACKED);

        assertArrayEquals(Octets.of(
                0x05, 0x00, 0x03,
                0xE8,        // 1000 = 0x03E8: the low octet
                0x02, 0x01),
                Arrays.copyOf(segment.shortMessage(), 6));
        assertEquals(6 + 153, segment.shortMessage().length);
        assertEquals(1000, segment.part().reference());
    }

    @Test
    void anApplicationReferenceTravelsWholeInASixteenBitHeader() {
        Segment segment = MessageSplitter.encodePart("v",
                EncodingChooser.choose("v", true, UDH_16_BIT_REFERENCE), new Concatenation(1000, 2, 2), UNPACKED);
        assertArrayEquals(Octets.of(0x06, 0x08, 0x04, 0x03, 0xE8, 0x02, 0x02, 0x76), segment.shortMessage());
    }

    @Test
    void anApplicationSplitPartOverThePartLimitIsRejected() {
        String text = "r".repeat(154);
        EncodingChoice choice = EncodingChooser.choose(text, true, UDH_8_BIT_REFERENCE);

        MessageTooLongException e = assertThrows(MessageTooLongException.class,
                () -> MessageSplitter.encodePart(text, choice, new Concatenation(1, 2, 1), UNPACKED));
        assertTrue(e.getMessage().contains("154 septets; one part holds at most 153"), e.getMessage());
        // the same text as part 1 of 1 has the single-message limit
        assertEquals(154, MessageSplitter.encodePart(text, choice, Concatenation.single(), UNPACKED).shortMessage().length);
    }

    @Test
    void aSarPartFromTheApplicationCarriesNoHeader() {
        String text = "s".repeat(160);
        Segment segment = MessageSplitter.encodePart(text,
                EncodingChooser.choose(text, true, SAR_TLVS), new Concatenation(7, 3, 3), UNPACKED);
        assertTrue(segment.sarTlvs());
        assertFalse(segment.udhi());
        assertEquals(160, segment.shortMessage().length);
    }

    @Test
    void aSegmentNeverCarriesBothHeaderAndSarTlvs() {
        assertThrows(IllegalArgumentException.class,
                () -> new Segment(new Concatenation(1, 2, 1), "", new byte[0], true, true));
        assertThrows(IllegalArgumentException.class,
                () -> new Segment(Concatenation.single(), "", new byte[0], true, false));
    }

    @Test
    void anEmptyTextIsOneEmptyMessage() {
        SplitMessage message = split("", true, UDH_8_BIT_REFERENCE, 0, UNPACKED);
        assertEquals(List.of(new Segment(Concatenation.single(), "", new byte[0], false, false)), message.segments());
    }
}
