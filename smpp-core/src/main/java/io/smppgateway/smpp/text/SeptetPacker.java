package io.smppgateway.smpp.text;

/**
 * Packs 7-bit septets into octets and back (3GPP TS 23.038 section 6.1.2.1.1), with the fill bits
 * that align the first septet after a user data header (TS 23.040 section 9.2.3.24).
 *
 * <p>Septets go in least significant bit first. With {@code fillBits} = f, the first septet starts
 * at bit f of the first octet; the header that precedes it occupies whole octets, so f is chosen so
 * that header and fill together end on a septet boundary ({@link #fillBitsAfter(int)}). For "hel"
 * (septets h, e, l; bit 7 written first):
 * <pre>
 *   fill 0:  octet 0 = e0 h6 h5 h4 h3 h2 h1 h0   octet 1 = l1 l0 e6 e5 e4 e3 e2 e1
 *   fill 1:  octet 0 = h6 h5 h4 h3 h2 h1 h0 0    octet 1 = l0 e6 e5 e4 e3 e2 e1 e0
 * </pre>
 * Spare bits at the end are zero. SMPP carries only the octet length, not the septet count, and
 * when the last octet has 7 spare bits they read as one more septet {@code 0x00} ('@'): 7 and 8
 * septets both take 7 octets. {@link #unpack(byte[], int, int, int)} therefore takes a last septet
 * {@code 0x00}, or {@code 0x0D} (CR, the padding TS 23.038 prescribes for that case on USSD and
 * cell broadcast), that ends exactly on the last bit for padding, which is right unless the text
 * really ends with that character in that position; where the count is known, pass it to
 * {@link #unpack(byte[], int, int, int, int)}.
 */
public final class SeptetPacker {
    private SeptetPacker() {
    }

    /** The fill bits needed after a header of {@code headerOctets} octets: 0 to 6. */
    public static int fillBitsAfter(int headerOctets) {
        if (headerOctets < 0) {
            throw new IllegalArgumentException("header length must not be negative: " + headerOctets);
        }
        return (7 - (headerOctets * 8) % 7) % 7;
    }

    /** The octets that {@code septets} septets take after {@code fillBits} fill bits. */
    public static int packedLength(int septets, int fillBits) {
        return (fillBits + septets * 7 + 7) / 8;
    }

    /**
     * Packs unpacked septets (one per octet, the high bit must be clear).
     *
     * @param fillBits zero bits before the first septet, 0 to 6
     */
    public static byte[] pack(byte[] septets, int fillBits) {
        checkFillBits(fillBits);
        byte[] packed = new byte[packedLength(septets.length, fillBits)];
        int bit = fillBits;
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                throw new IllegalArgumentException(String.format(
                        "octet 0x%02X at index %d is not a septet", septet, i));
            }
            int index = bit >>> 3;
            int shift = bit & 7;
            packed[index] |= (byte) (septet << shift);
            if (shift > 1) {
                packed[index + 1] |= (byte) (septet >>> (8 - shift));
            }
            bit += 7;
        }
        return packed;
    }

    /**
     * Unpacks exactly {@code septetCount} septets that start {@code fillBits} bits into
     * {@code packed[offset]}.
     *
     * @throws IllegalArgumentException if the octets from {@code offset} to {@code offset + length}
     *         hold fewer bits than that
     */
    public static byte[] unpack(byte[] packed, int offset, int length, int fillBits, int septetCount) {
        checkFillBits(fillBits);
        checkRange(packed, offset, length);
        if (septetCount < 0 || septetCount > 0 && fillBits + 7L * septetCount > 8L * length) {
            throw new IllegalArgumentException(String.format(
                    "%d septets after %d fill bits do not fit in %d octets", septetCount, fillBits, length));
        }
        byte[] septets = new byte[septetCount];
        int bit = fillBits;
        for (int i = 0; i < septetCount; i++) {
            int index = offset + (bit >>> 3);
            int shift = bit & 7;
            int value = (packed[index] & 0xFF) >>> shift;
            if (shift > 1) {
                value |= (packed[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
            bit += 7;
        }
        return septets;
    }

    /**
     * Unpacks every septet that the octets hold after {@code fillBits} fill bits, dropping a last
     * septet that is padding (see the class comment).
     */
    public static byte[] unpack(byte[] packed, int offset, int length, int fillBits) {
        checkFillBits(fillBits);
        checkRange(packed, offset, length);
        int bits = Math.max(0, length * 8 - fillBits);
        int septetCount = bits / 7;
        byte[] septets = unpack(packed, offset, length, fillBits, septetCount);
        boolean lastFillsSpareBits = septetCount > 0 && bits % 7 == 0;
        if (lastFillsSpareBits && isPadding(septets[septetCount - 1])) {
            byte[] trimmed = new byte[septetCount - 1];
            System.arraycopy(septets, 0, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return septets;
    }

    private static boolean isPadding(byte septet) {
        return septet == 0x00 || septet == 0x0D;
    }

    private static void checkFillBits(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fill bits must be 0 to 6: " + fillBits);
        }
    }

    private static void checkRange(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException(String.format(
                    "range %d+%d is outside %d octets", offset, length, data.length));
        }
    }
}
