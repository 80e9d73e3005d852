package io.smppgateway.smpp.pdu;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable octet string (short_message, TLV values, UDH), so that PDUs that hold bytes are
 * values whose {@code equals} compares content.
 *
 * <p>{@link #of(byte[])} copies; {@link #wrap(byte[])} takes ownership of an array the caller will
 * never touch again, which lets the decoder build a PDU with a single copy out of the network buffer.
 */
public final class Octets {

    public static final Octets EMPTY = new Octets(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** Takes {@code bytes} without copying: the caller must not change the array afterwards. */
    public static Octets wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes);
    }

    /** Octets from hex digits, e.g. {@code "0500030a0201"}. */
    public static Octets fromHex(String hex) {
        return wrap(HEX.parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The octet at {@code index} as 0-255. */
    public int unsignedByteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /** A copy of the octets. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The octets from {@code from} (inclusive) to {@code to} (exclusive). */
    public Octets slice(int from, int to) {
        return wrap(Arrays.copyOfRange(bytes, from, to));
    }

    public void writeTo(ByteBuf out) {
        out.writeBytes(bytes);
    }

    /** Copies the octets into {@code target} from {@code offset} on. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Octets that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
