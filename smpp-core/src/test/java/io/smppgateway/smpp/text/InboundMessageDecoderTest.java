package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundMessageDecoderTest {

    @Test
    void decodesAPlainGsm7Message() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(
                0x48, 0x69, 0x20, 0x1B, 0x65, 0x00), // "Hi €@"
                false, 0x00);

        assertEquals("Hi €@", message.text());
        assertEquals(Optional.empty(), message.header());
        assertEquals(Optional.empty(), message.concatenation());
        assertEquals(Concatenation.single(), message.partOrSingle());
    }

    @Test
    void separatesTheHeaderAndReportsThePart() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(
                0x05, 0x00, 0x03,   // UDHL 5, concatenation 8-bit reference, IEDL 3
                0x7B, 0x03, 0x02,   // reference 123, 3 parts, part 2
                0x6F, 0x6B),        // "ok"
                true, 0x00);

        assertEquals("ok", message.text());
        assertEquals(Optional.of(new Concatenation(123, 3, 2)), message.concatenation());
        assertEquals(6, message.header().orElseThrow().length());
    }

    @Test
    void decodesUcs2AfterASixteenBitReferenceHeader() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(
                0x06, 0x08, 0x04,   // UDHL 6, concatenation 16-bit reference, IEDL 4
                0x01, 0x00,         // reference 256
                0x02, 0x01,         // 2 parts, part 1
                0x04, 0x1F,         // 'П'
                0xD8, 0x3D, 0xDE, 0x00), // U+1F600
                true, 0x08);

        assertEquals("П😀", message.text());
        assertEquals(Optional.of(new Concatenation(256, 2, 1)), message.concatenation());
        assertEquals(Alphabet.UCS2, message.scheme().alphabet());
    }

    @Test
    void decodesPackedGsm7AfterAHeaderWhenThePeerPacks() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(
                0x05, 0x00, 0x03, 0xCC, 0x02, 0x02,  // header: reference 0xCC, part 2 of 2
                0xD0, 0x65, 0x36, 0xFB, 0x0D),       // "hello" after 1 fill bit
                true, 0x00, true, Gsm7Packing.PACKED);

        assertEquals("hello", message.text());
        assertEquals(Optional.of(new Concatenation(0xCC, 2, 2)), message.concatenation());
    }

    @Test
    void decodesAFlashMessageClassZero() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(0x41), false, 0xF0);
        assertEquals("A", message.text());
        assertEquals(0, message.scheme().messageClass().getAsInt());
    }

    @Test
    void anUnknownDataCodingGivesTheOctetsNotAnError() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(0x00, 0xFF, 0x41), false, 0x9A);
        assertEquals("\u0000\u00FFA", message.text());
        assertEquals(Alphabet.OCTETS, message.scheme().alphabet());
    }

    @Test
    void invalidGsm7OctetsDecodeToReplacements() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(0x41, 0xC8, 0x1B), false, 0x00);
        assertEquals("A\uFFFD\uFFFD", message.text());
    }

    @Test
    void dataCodingZeroWithoutGsm7IsEightBit() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(0x63, 0xE9), false, 0x00, false, Gsm7Packing.UNPACKED);
        assertEquals("cé", message.text());
    }

    @Test
    void aHeaderThatDoesNotFitIsATypedError() {
        MalformedUserDataHeaderException e = assertThrows(MalformedUserDataHeaderException.class,
                () -> InboundMessageDecoder.decode(Octets.of(0x09, 0x00, 0x03, 0x01), true, 0x00));
        assertTrue(e.getMessage().contains("header length 9"), e.getMessage());
    }

    @Test
    void aHeaderWithNoTextLeavesAnEmptyText() {
        DecodedMessage message = InboundMessageDecoder.decode(Octets.of(0x05, 0x00, 0x03, 0x01, 0x02, 0x01), true, 0x08);
        assertEquals("", message.text());
        assertEquals(Optional.of(new Concatenation(1, 2, 1)), message.concatenation());
    }

    @Test
    void sarValuesOutOfRangeGiveNoConcatenation() {
        assertEquals(Optional.of(new Concatenation(65535, 3, 1)), Concatenation.ifValid(65535, 3, 1));
        assertEquals(Optional.empty(), Concatenation.ifValid(1, 0, 0));
        assertEquals(Optional.empty(), Concatenation.ifValid(1, 2, 3));
        assertEquals(Optional.empty(), Concatenation.ifValid(70000, 2, 1));
    }
}
