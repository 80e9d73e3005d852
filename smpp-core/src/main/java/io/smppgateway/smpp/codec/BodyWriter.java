package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Where a body codec writes fields, in wire order: a growable {@code byte[]} that receives the
 * whole PDU, header first, so that it reaches the caller's buffer in one bulk write and its
 * command_length is known before anything is allocated. Field writes are plain array stores, not
 * a buffer's checked writes one field at a time.
 *
 * <p>One writer per thread is reused for every PDU ({@link #forCurrentThread()}), so that encoding
 * allocates nothing; an encode is never re-entered on the same thread.
 */
final class BodyWriter {

    /** An array grown past this for a large PDU is not kept for the next one. */
    private static final int KEPT_ARRAY_LIMIT = 8192;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private static final FastThreadLocal<BodyWriter> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected BodyWriter initialValue() {
            return new BodyWriter();
        }
    };

    private byte[] array = new byte[512];
    private int position;
    private boolean writeTlvs;

    private BodyWriter() {
    }

    static BodyWriter forCurrentThread() {
        return PER_THREAD.get();
    }

    /**
     * Starts a PDU with its header; command_length stays 0 until {@link #finish()}. Without
     * {@code writeTlvs} (SMPP 3.3, whose peers cannot read them) {@link #tlvs} writes nothing.
     */
    void start(Pdu pdu, boolean writeTlvs) {
        this.writeTlvs = writeTlvs;
        byte[] octets = array;
        INT.set(octets, 0, 0);
        INT.set(octets, 4, pdu.commandId().value());
        INT.set(octets, 8, pdu.commandStatus());
        INT.set(octets, 12, pdu.sequenceNumber());
        position = PduHeader.LENGTH;
    }

    /** Fills in command_length; returns it. */
    int finish() {
        INT.set(array, 0, position);
        return position;
    }

    /** Writes the finished PDU at the writer index of {@code out}. */
    void copyTo(ByteBuf out) {
        out.writeBytes(array, 0, position);
    }

    /** The finished PDU as a new array. */
    byte[] toByteArray() {
        return Arrays.copyOf(array, position);
    }

    /** Lets go of an array too large to keep. */
    void close() {
        if (array.length > KEPT_ARRAY_LIMIT) {
            array = new byte[512];
        }
    }

    private void ensure(int octets) {
        if (array.length - position < octets) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, position + octets));
        }
    }

    void octet(int value) {
        ensure(1);
        array[position++] = (byte) value;
    }

    void int32(int value) {
        ensure(4);
        INT.set(array, position, value);
        position += 4;
    }

    /**
     * A C-octet string: its characters as ISO-8859-1 octets and a terminating NUL. The PDU records
     * admit only characters up to 0xFF, so each character's low byte is its ISO-8859-1 octet.
     */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 octets into an array without allocating
    void cString(String value) {
        int length = value.length();
        ensure(length + 1);
        if (length > 0) {
            value.getBytes(0, length, array, position);
            position += length;
        }
        array[position++] = 0;
    }

    void address(Address address) {
        ensure(2);
        array[position] = (byte) address.ton();
        array[position + 1] = (byte) address.npi();
        position += 2;
        cString(address.address());
    }

    /** sm_length and short_message. */
    void lengthPrefixedOctets(Octets value) {
        int length = value.length();
        ensure(1 + length);
        array[position++] = (byte) length;
        value.copyTo(array, position);
        position += length;
    }

    void tlvs(Tlvs tlvs) {
        if (!writeTlvs) {
            return;
        }
        List<Tlv> list = tlvs.list();
        for (int i = 0, size = list.size(); i < size; i++) {
            Tlv tlv = list.get(i);
            Octets value = tlv.value();
            int length = value.length();
            ensure(4 + length);
            array[position] = (byte) (tlv.tag() >>> 8);
            array[position + 1] = (byte) tlv.tag();
            array[position + 2] = (byte) (length >>> 8);
            array[position + 3] = (byte) length;
            value.copyTo(array, position + 4);
            position += 4 + length;
        }
    }
}
