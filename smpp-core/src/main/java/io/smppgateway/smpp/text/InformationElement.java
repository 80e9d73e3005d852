package io.smppgateway.smpp.text;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One information element of a user data header (TS 23.040 section 9.2.3.24): an identifier and
 * up to 255 octets of data. The data is copied in and out, so that equal elements are equal.
 * <pre>
 *   +------+------+--------------------+
 *   | IEI  | IEDL | IED (IEDL octets)  |
 *   +------+------+--------------------+
 * </pre>
 *
 * @param identifier the IEI, 0 to 255
 * @param data the IED
 */
public record InformationElement(int identifier, byte[] data) {
    /** Concatenated short message, 8-bit reference: ref, total, seq. */
    public static final int CONCATENATION_8_BIT = 0x00;
    /** Application port addressing, 8-bit ports: destination, originator. */
    public static final int APPLICATION_PORTS_8_BIT = 0x04;
    /** Application port addressing, 16-bit ports: destination, originator. */
    public static final int APPLICATION_PORTS_16_BIT = 0x05;
    /** Concatenated short message, 16-bit reference: ref (2 octets), total, seq. */
    public static final int CONCATENATION_16_BIT = 0x08;

    public InformationElement {
        if (identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("information element identifier must be 0 to 255: " + identifier);
        }
        if (data == null || data.length > 0xFF) {
            throw new IllegalArgumentException("information element data must be 0 to 255 octets");
        }
        data = data.clone();
    }

    /** The concatenation element with an 8-bit reference (the reference must be 0 to 255). */
    public static InformationElement concatenation8Bit(Concatenation part) {
        if (part.reference() > 0xFF) {
            throw new IllegalArgumentException("an 8-bit concatenation reference must be 0 to 255: " + part.reference());
        }
        return new InformationElement(CONCATENATION_8_BIT,
                new byte[] {(byte) part.reference(), (byte) part.totalParts(), (byte) part.partNumber()});
    }

    /** The concatenation element with a 16-bit reference. */
    public static InformationElement concatenation16Bit(Concatenation part) {
        return new InformationElement(CONCATENATION_16_BIT, new byte[] {
                (byte) (part.reference() >>> 8), (byte) part.reference(),
                (byte) part.totalParts(), (byte) part.partNumber()});
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data octet at {@code index}, 0 to 255. */
    int octet(int index) {
        return data[index] & 0xFF;
    }

    /** Octets this element takes in a header: identifier, length and data. */
    public int encodedLength() {
        return 2 + data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InformationElement that
                && identifier == that.identifier && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * identifier + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("InformationElement[identifier=0x%02X, data=%s]",
                identifier, HexFormat.of().withUpperCase().formatHex(data));
    }
}
