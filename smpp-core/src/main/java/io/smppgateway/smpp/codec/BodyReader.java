package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one PDU body from a buffer that holds exactly that body. Every read checks
 * its bounds and fails with an {@link InvalidPduException} carrying the status to answer with, so a
 * body codec never meets an index exception and never allocates more than the body holds.
 */
final class BodyReader {

    private final ByteBuf in;
    private final int end;
    private final PduHeader header;

    /** Reads from {@code in}'s reader index up to (not including) {@code end}. */
    BodyReader(ByteBuf in, int end, PduHeader header) {
        this.in = in;
        this.end = end;
        this.header = header;
    }

    private int remaining() {
        return end - in.readerIndex();
    }

    PduHeader header() {
        return header;
    }

    boolean hasRemaining() {
        return remaining() > 0;
    }

    int octet(String field) {
        if (remaining() <= 0) {
            throw truncated(field);
        }
        return in.readUnsignedByte();
    }

    int int32(String field) {
        if (remaining() < 4) {
            throw truncated(field);
        }
        return in.readInt();
    }

    /**
     * A C-octet string of at most {@code maxLength} octets including its NUL; a longer one is
     * answered with {@code tooLongStatus}, one with no NUL before the end with ESME_RINVCMDLEN.
     */
    String cString(String field, int maxLength, CommandStatus tooLongStatus) {
        int searchable = Math.min(remaining(), maxLength);
        int length = in.bytesBefore(in.readerIndex(), searchable, (byte) 0);
        if (length < 0) {
            if (remaining() > maxLength) {
                throw new InvalidPduException(header, tooLongStatus.value(),
                        field + " is longer than " + (maxLength - 1) + " characters");
            }
            throw truncated(field);
        }
        String value = length == 0 ? "" : in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1);
        in.skipBytes(length + 1);
        return value;
    }

    Address address(String field, int maxLength, CommandStatus tooLongStatus) {
        int ton = octet(field + "_ton");
        int npi = octet(field + "_npi");
        return new Address(ton, npi, cString(field, maxLength, tooLongStatus));
    }

    /** sm_length followed by that many octets of short_message. */
    Octets lengthPrefixedOctets(String field) {
        int length = octet("sm_length");
        if (remaining() < length) {
            throw new InvalidPduException(header, CommandStatus.ESME_RINVMSGLEN.value(),
                    "sm_length " + length + " exceeds the " + remaining() + " octets left for " + field);
        }
        return octets(length);
    }

    private Octets octets(int length) {
        if (length == 0) {
            return Octets.EMPTY;
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return Octets.wrap(bytes);
    }

    /** The TLVs that fill the rest of the body. */
    Tlvs tlvs() {
        if (remaining() <= 0) {
            return Tlvs.EMPTY;
        }
        List<Tlv> tlvs = new ArrayList<>(4);
        while (remaining() > 0) {
            if (remaining() < 4) {
                throw new InvalidPduException(header, CommandStatus.ESME_RINVTLVSTREAM.value(),
                        remaining() + " stray octets where a TLV header was expected");
            }
            int tag = in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if (remaining() < length) {
                throw new InvalidPduException(header, CommandStatus.ESME_RINVTLVSTREAM.value(),
                        String.format("TLV 0x%04X declares %d octets but %d remain", tag, length, remaining()));
            }
            tlvs.add(new Tlv(tag, octets(length)));
        }
        return new Tlvs(tlvs);
    }

    /** Fails when octets are left that the PDU's layout has no place for. */
    void requireFullyRead() {
        if (remaining() > 0) {
            throw new InvalidPduException(header, CommandStatus.ESME_RINVCMDLEN.value(),
                    remaining() + " octets beyond the end of the PDU's fields");
        }
    }

    private InvalidPduException truncated(String field) {
        return new InvalidPduException(header, CommandStatus.ESME_RINVCMDLEN.value(),
                "the PDU ends before " + field);
    }
}
