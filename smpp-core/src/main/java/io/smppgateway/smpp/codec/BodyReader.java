package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the fields of one PDU from a {@code byte[]} holding it: a heap buffer's own array, or a
 * copy of a direct buffer's octets made with one bulk read. Every read checks its bounds against
 * the PDU's end and fails with an {@link InvalidPduException} carrying the status to answer with,
 * so a body codec never meets an index exception and never allocates more than the body holds.
 *
 * <p>One reader per thread is reused for every PDU ({@link #forCurrentThread()}), so that decoding
 * allocates nothing but the PDU value; a decode is never re-entered on the same thread. A reader
 * may be seen by other threads (a decoder remembers the last one it used) but only its owner
 * touches its state.
 */
final class BodyReader {

    /** A copy of a direct buffer larger than this is not kept for the next PDU. */
    private static final int KEPT_COPY_LIMIT = 8192;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final FastThreadLocal<BodyReader> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected BodyReader initialValue() {
            return new BodyReader();
        }
    };

    /** The one thread that uses this reader; final, so that other threads see it even through a data race. */
    private final Thread owner = Thread.currentThread();

    /** Where octets of buffers without an accessible array are copied to. */
    private byte[] copy = new byte[512];

    private byte[] array;
    private int position;
    private int end;
    private int commandLength;
    private int commandId;
    private int commandStatus;
    private int sequenceNumber;

    private BodyReader() {
    }

    static BodyReader forCurrentThread() {
        return PER_THREAD.get();
    }

    boolean isOwnedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /**
     * Points this reader at the PDU of {@code length} octets at {@code start} in {@code in}, reads
     * its header and leaves the position at the body; the buffer's indexes are not touched.
     */
    void open(ByteBuf in, int start, int length) {
        int offset;
        if (in.hasArray()) {
            array = in.array();
            offset = in.arrayOffset() + start;
        } else {
            if (copy.length < length) {
                copy = new byte[Math.max(length, copy.length * 2)];
            }
            in.getBytes(start, copy, 0, length);
            array = copy;
            offset = 0;
        }
        end = offset + length;
        commandLength = length;
        commandId = (int) INT.get(array, offset + 4);
        commandStatus = (int) INT.get(array, offset + 8);
        sequenceNumber = (int) INT.get(array, offset + 12);
        position = offset + PduHeader.LENGTH;
    }

    /** Lets go of the buffer's array, and of a copy too large to keep. */
    void close() {
        array = null;
        if (copy.length > KEPT_COPY_LIMIT) {
            copy = new byte[512];
        }
    }

    private int remaining() {
        return end - position;
    }

    int commandId() {
        return commandId;
    }

    int sequenceNumber() {
        return sequenceNumber;
    }

    int commandStatus() {
        return commandStatus;
    }

    PduHeader header() {
        return new PduHeader(commandLength, commandId, commandStatus, sequenceNumber);
    }

    boolean hasRemaining() {
        return position < end;
    }

    int octet(String field) {
        if (position >= end) {
            throw truncated(field);
        }
        return array[position++] & 0xFF;
    }

    int int32(String field) {
        if (remaining() < 4) {
            throw truncated(field);
        }
        int value = (int) INT.get(array, position);
        position += 4;
        return value;
    }

    /**
     * A C-octet string of at most {@code maxLength} octets including its NUL; a longer one is
     * answered with {@code tooLongStatus}, one with no NUL before the end with ESME_RINVCMDLEN.
     */
    @SuppressWarnings("deprecation") // String(byte[], int hibyte, ...): small enough to inline; with hibyte 0 it is ISO-8859-1
    String cString(String field, int maxLength, CommandStatus tooLongStatus) {
        byte[] octets = array;
        int start = position;
        int limit = start + Math.min(remaining(), maxLength);
        int nul = nulIndex(octets, start, limit);
        if (nul == limit) {
            if (remaining() > maxLength) {
                throw new InvalidPduException(header(), tooLongStatus.value(),
                        field + " is longer than " + (maxLength - 1) + " characters");
            }
            throw truncated(field);
        }
        position = nul + 1;
        return nul == start ? "" : new String(octets, 0, start, nul - start);
    }

    /**
     * The index of the first NUL in {@code octets} from {@code from} up to (not including)
     * {@code limit}, or {@code limit}. Eight octets at a time: in {@code (w - 0x01..) & ~w & 0x80..}
     * the lowest set bit marks the first zero octet of the little-endian word {@code w}.
     */
    private static int nulIndex(byte[] octets, int from, int limit) {
        int at = from;
        while (limit - at >= Long.BYTES) {
            long word = (long) LONG.get(octets, at);
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return at + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
            at += Long.BYTES;
        }
        while (at < limit && octets[at] != 0) {
            at++;
        }
        return at;
    }

    Address address(String field, int maxLength, CommandStatus tooLongStatus) {
        if (remaining() < 2) {
            throw truncated(field + "_ton");
        }
        int ton = array[position] & 0xFF;
        int npi = array[position + 1] & 0xFF;
        position += 2;
        return new Address(ton, npi, cString(field, maxLength, tooLongStatus));
    }

    /** sm_length followed by that many octets of short_message. */
    Octets lengthPrefixedOctets(String field) {
        int length = octet("sm_length");
        if (remaining() < length) {
            throw new InvalidPduException(header(), CommandStatus.ESME_RINVMSGLEN.value(),
                    "sm_length " + length + " exceeds the " + remaining() + " octets left for " + field);
        }
        return octets(length);
    }

    private Octets octets(int length) {
        if (length == 0) {
            return Octets.EMPTY;
        }
        int start = position;
        position += length;
        return Octets.wrap(Arrays.copyOfRange(array, start, start + length));
    }

    private int unsignedShort(int at) {
        return (array[at] & 0xFF) << 8 | array[at + 1] & 0xFF;
    }

    /** The TLVs that fill the rest of the body, checked in a first pass so the array is sized once. */
    Tlvs tlvs() {
        if (position >= end) {
            return Tlvs.EMPTY;
        }
        int count = 0;
        for (int at = position; at < end; count++) {
            if (end - at < 4) {
                throw new InvalidPduException(header(), CommandStatus.ESME_RINVTLVSTREAM.value(),
                        (end - at) + " stray octets where a TLV header was expected");
            }
            int length = unsignedShort(at + 2);
            if (end - at - 4 < length) {
                throw new InvalidPduException(header(), CommandStatus.ESME_RINVTLVSTREAM.value(),
                        String.format("TLV 0x%04X declares %d octets but %d remain", unsignedShort(at),
                                length, end - at - 4));
            }
            at += 4 + length;
        }
        // List.of keeps one or two elements in fields: a receipt's TLVs cost no array.
        if (count == 1) {
            return new Tlvs(List.of(nextTlv()));
        }
        if (count == 2) {
            Tlv first = nextTlv();
            return new Tlvs(List.of(first, nextTlv()));
        }
        Tlv[] tlvs = new Tlv[count];
        for (int i = 0; i < count; i++) {
            tlvs[i] = nextTlv();
        }
        return Tlvs.of(tlvs);
    }

    /** The TLV at the position, whose length the caller has checked. */
    private Tlv nextTlv() {
        int tag = unsignedShort(position);
        int length = unsignedShort(position + 2);
        position += 4;
        return new Tlv(tag, octets(length));
    }

    /** Fails when octets are left that the PDU's layout has no place for. */
    void requireFullyRead() {
        if (remaining() > 0) {
            throw new InvalidPduException(header(), CommandStatus.ESME_RINVCMDLEN.value(),
                    remaining() + " octets beyond the end of the PDU's fields");
        }
    }

    private InvalidPduException truncated(String field) {
        return new InvalidPduException(header(), CommandStatus.ESME_RINVCMDLEN.value(),
                "the PDU ends before " + field);
    }
}
