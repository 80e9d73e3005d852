package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDataHeaderTest {

    @Test
    void parsesAConcatenationHeaderWithAnEightBitReference() {
        byte[] shortMessage = Octets.of(
                0x05,        // UDHL: 5 octets follow
                0x00,        // IEI: concatenation, 8-bit reference
                0x03,        // IEDL: 3
                0xCC,        // reference 204
                0x02,        // total parts 2
                0x01,        // part 1
                0x68, 0x69); // "hi" (unpacked GSM7), not part of the header

        UserDataHeader header = UserDataHeader.parse(shortMessage);

        assertEquals(6, header.length());
        assertEquals(Optional.of(new Concatenation(204, 2, 1)), header.concatenation());
        assertEquals(List.of(new InformationElement(0x00, Octets.of(0xCC, 0x02, 0x01))), header.elements());
    }

    @Test
    void parsesAConcatenationHeaderWithASixteenBitReference() {
        byte[] shortMessage = Octets.of(
                0x06,        // UDHL: 6
                0x08,        // IEI: concatenation, 16-bit reference
                0x04,        // IEDL: 4
                0x12, 0x34,  // reference 0x1234
                0x03,        // total parts 3
                0x03);       // part 3

        UserDataHeader header = UserDataHeader.parse(shortMessage);

        assertEquals(7, header.length());
        assertEquals(Optional.of(new Concatenation(0x1234, 3, 3)), header.concatenation());
    }

    @Test
    void parsesApplicationPortsNextToConcatenation() {
        byte[] shortMessage = Octets.of(
                0x0B,                    // UDHL: 11
                0x05, 0x04,              // IEI 0x05 (16-bit ports), IEDL 4
                0x0B, 0x84,              // destination port 2948 (WAP push)
                0x23, 0xF0,              // originator port 9200
                0x00, 0x03,              // IEI 0x00 (concatenation), IEDL 3
                0x07, 0x02, 0x02);       // reference 7, 2 parts, part 2

        UserDataHeader header = UserDataHeader.parse(shortMessage);

        assertEquals(Optional.of(new ApplicationPorts(2948, 9200, true)), header.applicationPorts());
        assertEquals(Optional.of(new Concatenation(7, 2, 2)), header.concatenation());
        assertArrayEquals(shortMessage, header.toBytes());
    }

    @Test
    void parsesEightBitApplicationPorts() {
        byte[] shortMessage = Octets.of(
                0x04,        // UDHL: 4
                0x04, 0x02,  // IEI 0x04 (8-bit ports), IEDL 2
                0xF5,        // destination port 245
                0x00);       // originator port 0

        assertEquals(Optional.of(new ApplicationPorts(245, 0, false)),
                UserDataHeader.parse(shortMessage).applicationPorts());
    }

    @Test
    void formatsConcatenationHeaders() {
        assertArrayEquals(
                Octets.of(0x05, 0x00, 0x03, 0xCC, 0x02, 0x01),
                UserDataHeader.forConcatenation(new Concatenation(204, 2, 1), ConcatenationMethod.UDH_8_BIT_REFERENCE).toBytes());
        assertArrayEquals(
                Octets.of(0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x03),
                UserDataHeader.forConcatenation(new Concatenation(0x1234, 3, 3), ConcatenationMethod.UDH_16_BIT_REFERENCE).toBytes());
        assertArrayEquals(
                Octets.of(0x04, 0x04, 0x02, 0xF5, 0x00),
                UserDataHeader.of(new ApplicationPorts(245, 0, false).toInformationElement()).toBytes());
    }

    @Test
    void anEightBitReferenceAbove255IsRejected() {
        assertThrows(IllegalArgumentException.class, () -> UserDataHeader.forConcatenation(
                new Concatenation(256, 2, 1), ConcatenationMethod.UDH_8_BIT_REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> UserDataHeader.forConcatenation(
                new Concatenation(1, 2, 1), ConcatenationMethod.SAR_TLVS));
    }

    @Test
    void aHeaderLengthBeyondTheDataIsReportedNotAnIndexError() {
        byte[] shortMessage = Octets.of(
                0x05,              // UDHL says 5 octets follow
                0x00, 0x03, 0x01); // only 3 do

        MalformedUserDataHeaderException e =
                assertThrows(MalformedUserDataHeaderException.class, () -> UserDataHeader.parse(shortMessage));
        assertTrue(e.getMessage().contains("length 5 needs 6 octets, the user data has 4"), e.getMessage());
    }

    @Test
    void anElementLengthBeyondTheHeaderIsReported() {
        byte[] shortMessage = Octets.of(
                0x04,        // UDHL: 4
                0x00, 0x03,  // IEI 0x00 declares 3 octets
                0x01, 0x02,  // the header has only 2 left
                0x41);       // text

        MalformedUserDataHeaderException e =
                assertThrows(MalformedUserDataHeaderException.class, () -> UserDataHeader.parse(shortMessage));
        assertTrue(e.getMessage().contains("declares 3 octets, the header has 2 left"), e.getMessage());
    }

    @Test
    void anElementCutOffAfterItsIdentifierIsReported() {
        byte[] shortMessage = Octets.of(
                0x01,   // UDHL: 1
                0x00,   // an identifier with no length octet
                0x41);
        assertThrows(MalformedUserDataHeaderException.class, () -> UserDataHeader.parse(shortMessage));
    }

    @Test
    void anEmptyUserDataIsReported() {
        assertThrows(MalformedUserDataHeaderException.class, () -> UserDataHeader.parse(new byte[0]));
    }

    @Test
    void anEmptyHeaderIsValid() {
        UserDataHeader header = UserDataHeader.parse(Octets.of(0x00, 0x41));
        assertEquals(1, header.length());
        assertEquals(List.of(), header.elements());
        assertEquals(Optional.empty(), header.concatenation());
    }

    @Test
    void concatenationWithInvalidCountersIsIgnored() {
        // TS 23.040: total 0, part 0 or part above total make the receiver ignore the element
        assertEquals(Optional.empty(), UserDataHeader.parse(Octets.of(0x05, 0x00, 0x03, 0x01, 0x00, 0x00)).concatenation());
        assertEquals(Optional.empty(), UserDataHeader.parse(Octets.of(0x05, 0x00, 0x03, 0x01, 0x02, 0x03)).concatenation());
        // wrong element length
        assertEquals(Optional.empty(), UserDataHeader.parse(Octets.of(0x04, 0x00, 0x02, 0x01, 0x02)).concatenation());
    }

    @Test
    void theLastOfRepeatedElementsWins() {
        UserDataHeader header = UserDataHeader.parse(Octets.of(
                0x0A,
                0x00, 0x03, 0x01, 0x02, 0x01,   // reference 1, part 1 of 2
                0x00, 0x03, 0x09, 0x03, 0x02)); // reference 9, part 2 of 3
        assertEquals(Optional.of(new Concatenation(9, 3, 2)), header.concatenation());
    }

    @Test
    void unknownElementsSurviveARoundTrip() {
        byte[] octets = Octets.of(0x07, 0x24, 0x01, 0x05, 0x70, 0x02, 0xAA, 0xBB);
        UserDataHeader header = UserDataHeader.parse(octets);
        assertArrayEquals(octets, header.toBytes());
        assertEquals(header, UserDataHeader.parse(header.toBytes()));
    }

    @Test
    void informationElementDataIsCopied() {
        byte[] data = Octets.of(0x01, 0x02, 0x01);
        InformationElement element = new InformationElement(0x00, data);
        data[0] = 0x7F;
        element.data()[1] = 0x7F;
        assertArrayEquals(Octets.of(0x01, 0x02, 0x01), element.data());
    }

    @Test
    void aHeaderOver255OctetsIsRejected() {
        InformationElement big = new InformationElement(0x70, new byte[200]);
        assertThrows(IllegalArgumentException.class, () -> UserDataHeader.of(big, big));
    }
}
