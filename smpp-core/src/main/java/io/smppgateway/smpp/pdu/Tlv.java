package io.smppgateway.smpp.pdu;

import java.nio.charset.StandardCharsets;

/**
 * One tag-length-value parameter as it travels: the 16-bit tag and its value octets. Standard tags
 * are described by {@link TlvTag}; any other tag is kept as it came, so that it round-trips.
 */
public record Tlv(int tag, Octets value) {

    public Tlv {
        if (tag < 0 || tag > 0xFFFF) {
            throw new IllegalArgumentException("TLV tag must be 0-65535, was " + tag);
        }
        value = Fields.requireOctets("TLV value", value, 0xFFFF);
    }

    public static Tlv ofInt(TlvTag tag, long value) {
        int length = tag.type().fixedLength();
        if (length <= 0) {
            throw new IllegalArgumentException(tag.wireName() + " does not hold an integer");
        }
        long max = length == 4 ? 0xFFFFFFFFL : (1L << (8 * length)) - 1;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(tag.wireName() + " must be 0-" + max + ", was " + value);
        }
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return new Tlv(tag.tag(), Octets.wrap(bytes));
    }

    /** A C-octet string value: the text and its terminating NUL. */
    public static Tlv ofCString(TlvTag tag, String text) {
        String checked = Fields.requireCString(tag.wireName(), text, tag.maxLength());
        byte[] latin = checked.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[latin.length + 1];
        System.arraycopy(latin, 0, bytes, 0, latin.length);
        return new Tlv(tag.tag(), Octets.wrap(bytes));
    }

    public static Tlv ofOctets(TlvTag tag, Octets value) {
        return new Tlv(tag.tag(), Fields.requireOctets(tag.wireName(), value, tag.maxLength()));
    }

    /** The standard tag, or {@code null} when this is a vendor or unknown tag. */
    public TlvTag standardTag() {
        return TlvTag.of(tag);
    }

    /** The value read as an unsigned big-endian integer of whatever length it has (at most 4 octets). */
    public long intValue() {
        if (value.length() == 0 || value.length() > 4) {
            throw new IllegalStateException(String.format("TLV 0x%04X holds %d octets, not an integer", tag, value.length()));
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            result = (result << 8) | value.unsignedByteAt(i);
        }
        return result;
    }

    /** The value read as a C-octet string: up to the first NUL (or the end when the NUL is missing). */
    public String stringValue() {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            int octet = value.unsignedByteAt(i);
            if (octet == 0) {
                break;
            }
            text.append((char) octet);
        }
        return text.toString();
    }

    /** Whether the value has the length its standard tag requires (always true for unknown tags). */
    public boolean hasValidLength() {
        TlvTag standard = standardTag();
        if (standard == null) {
            return true;
        }
        int fixed = standard.type().fixedLength();
        return fixed > 0 ? value.length() == fixed : value.length() <= standard.maxLength();
    }
}
