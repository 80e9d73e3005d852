package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudhopper.commons.charset.GSMBitPacker;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeptetPackerTest {

    @Test
    void packsTheClassicHelloHelloVector() {
        byte[] packed = Octets.of(0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37);

        assertArrayEquals(packed, SeptetPacker.pack(Gsm7Alphabet.encode("hellohello"), 0));
        assertEquals("hellohello", Gsm7Alphabet.decode(SeptetPacker.unpack(packed, 0, packed.length, 0)));
        assertArrayEquals(packed, Gsm7Alphabet.encodePacked("hellohello", 0));
        assertEquals("hellohello", Gsm7Alphabet.decodePacked(packed, 0, packed.length, 0));
    }

    @Test
    void packsAfterASixOctetHeaderWithOneFillBit() {
        // 6 header octets = 48 bits; the next septet boundary is at 49, so 1 fill bit.
        // "hello" = septets 68 65 6C 6C 6F, written from bit 1 (bit 0 is the fill bit):
        //   octet 0: h6..h0 then fill 0          = 1101000|0       = D0
        //   octet 1: l0 then e6..e0              = 0|1100101       = 65
        //   octet 2: l'1 l'0 then l6..l1         = 00|110110       = 36
        //   octet 3: o2 o1 o0 then l'6..l'2      = 111|11011       = FB
        //   octet 4: spare 0000 then o6..o3      = 0000|1101       = 0D
        byte[] expected = Octets.of(
                0xD0, 0x65, 0x36, 0xFB, 0x0D);

        assertEquals(1, SeptetPacker.fillBitsAfter(6));
        assertArrayEquals(expected, SeptetPacker.pack(Gsm7Alphabet.encode("hello"), 1));
        assertArrayEquals(expected, Gsm7Alphabet.encodePacked("hello", 1));
        assertEquals("hello", Gsm7Alphabet.decode(SeptetPacker.unpack(expected, 0, expected.length, 1)));
    }

    @Test
    void fillBitsAlignTheHeaderToASeptetBoundary() {
        assertEquals(0, SeptetPacker.fillBitsAfter(0));
        assertEquals(6, SeptetPacker.fillBitsAfter(1));  // 8 bits -> 14
        assertEquals(1, SeptetPacker.fillBitsAfter(6));  // 48 -> 49
        assertEquals(0, SeptetPacker.fillBitsAfter(7));  // 56 is a multiple of 7
        assertEquals(2, SeptetPacker.fillBitsAfter(12)); // 96 -> 98
    }

    @Test
    void agreesWithAnIndependentPackerOnRandomSeptets() {
        Random random = new Random(0x5EB7E7L);
        for (int round = 0; round < 500; round++) {
            byte[] septets = new byte[random.nextInt(200)];
            for (int i = 0; i < septets.length; i++) {
                septets[i] = (byte) random.nextInt(128);
            }
            byte[] packed = SeptetPacker.pack(septets, 0);
            assertArrayEquals(GSMBitPacker.pack(septets), packed, "round " + round);
            assertArrayEquals(septets, SeptetPacker.unpack(packed, 0, packed.length, 0, septets.length));
        }
    }

    @Test
    void roundTripsWithEveryFillBitCountWhenTheCountIsKnown() {
        Random random = new Random(7L);
        for (int fill = 0; fill <= 6; fill++) {
            for (int length = 0; length < 40; length++) {
                byte[] septets = new byte[length];
                for (int i = 0; i < length; i++) {
                    septets[i] = (byte) random.nextInt(128);
                }
                byte[] packed = SeptetPacker.pack(septets, fill);
                assertEquals(SeptetPacker.packedLength(length, fill), packed.length);
                assertArrayEquals(septets, SeptetPacker.unpack(packed, 0, packed.length, fill, length));
            }
        }
    }

    @Test
    void sevenSpareZeroBitsAtTheEndAreTakenForPaddingNotAnAt() {
        // "1234567": 7 septets = 49 bits in 7 octets, the last 7 bits are zero padding
        byte[] packed = Octets.of(0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x00);

        assertArrayEquals(packed, SeptetPacker.pack(Gsm7Alphabet.encode("1234567"), 0));
        assertEquals("1234567", Gsm7Alphabet.decode(SeptetPacker.unpack(packed, 0, packed.length, 0)));
    }

    @Test
    void aCarriageReturnInTheSpareBitsIsTakenForPadding() {
        // TS 23.038 (USSD, cell broadcast): CR fills 7 spare bits; 0x0D << 1 in the last octet
        byte[] packed = Octets.of(0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x1A);

        assertEquals("1234567", Gsm7Alphabet.decode(SeptetPacker.unpack(packed, 0, packed.length, 0)));
        assertEquals("1234567\r", Gsm7Alphabet.decode(SeptetPacker.unpack(packed, 0, packed.length, 0, 8)));
    }

    @Test
    void eightSeptetsThatFillTheOctetsAreAllKept() {
        byte[] packed = SeptetPacker.pack(Gsm7Alphabet.encode("12345678"), 0);

        assertEquals(7, packed.length);
        assertEquals("12345678", Gsm7Alphabet.decode(SeptetPacker.unpack(packed, 0, packed.length, 0)));
    }

    @Test
    void unpacksFromAnOffset() {
        byte[] data = Octets.of(
                0x05, 0x00, 0x03, 0x01, 0x02, 0x01,  // a 6-octet header to skip
                0xD0, 0x65, 0x36, 0xFB, 0x0D);       // "hello" after 1 fill bit
        assertEquals("hello", Gsm7Alphabet.decode(SeptetPacker.unpack(data, 6, 5, 1)));
    }

    @Test
    void packsExtensionCharactersAsEscapePairs() {
        // "€" = septets 1B 65: bits 0-6 = 0011011, bits 7-13 = 1100101
        //   octet 0: low bit of 0x65 (1), then 0x1B   = 1|0011011 = 9B
        //   octet 1: spare 00, then 0x65 >> 1 = 110010 = 00|110010 = 32
        assertArrayEquals(Octets.of(0x9B, 0x32), Gsm7Alphabet.encodePacked("€", 0));
        assertEquals("€", Gsm7Alphabet.decodePacked(Octets.of(0x9B, 0x32), 0, 2, 0));
    }

    @Test
    void decodingPackedOctetsNeverFailsOnTheirValues() {
        // a lone escape as the last septet: "A" then 0x1B
        byte[] packed = SeptetPacker.pack(Octets.of(0x41, 0x1B), 0);
        assertEquals("A\uFFFD", Gsm7Alphabet.decodePacked(packed, 0, packed.length, 0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SeptetPacker.pack(Octets.of(0x80), 0));
        assertThrows(IllegalArgumentException.class, () -> SeptetPacker.pack(Octets.of(0x01), 7));
        assertThrows(IllegalArgumentException.class, () -> SeptetPacker.unpack(Octets.of(0x01), 0, 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> SeptetPacker.unpack(Octets.of(0x01), 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> SeptetPacker.fillBitsAfter(-1));
    }

    @Test
    void unpacksNothingFromNoOctets() {
        assertArrayEquals(new byte[0], SeptetPacker.unpack(new byte[0], 0, 0, 1));
    }
}
