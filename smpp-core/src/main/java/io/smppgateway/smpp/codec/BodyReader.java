package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one PDU body from a buffer that holds exactly that body. Every read checks
 * its bounds and fails with an {@link InvalidPduException} carrying the status to answer with, so a
 * body codec never meets an index exception and never allocates more than the body holds.
 */
final class BodyReader {

    private final ByteBuf in;
    private final int end;
    private final int commandLength;
    private final int commandId;
    private final int commandStatus;
    private final int sequenceNumber;

    /**
     * Reads from {@code in}'s reader index up to (not including) {@code end}; the header's values
     * are kept as ints so that a {@link PduHeader} is only built for an error.
     */
    BodyReader(ByteBuf in, int end, int commandLength, int commandId, int commandStatus, int sequenceNumber) {
        this.in = in;
        this.end = end;
        this.commandLength = commandLength;
        this.commandId = commandId;
        this.commandStatus = commandStatus;
        this.sequenceNumber = sequenceNumber;
    }

    private int remaining() {
        return end - in.readerIndex();
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
        int start = in.readerIndex();
        int searchable = Math.min(remaining(), maxLength);
        int length = nulOffset(start, searchable);
        if (length < 0) {
            if (remaining() > maxLength) {
                throw new InvalidPduException(header(), tooLongStatus.value(),
                        field + " is longer than " + (maxLength - 1) + " characters");
            }
            throw truncated(field);
        }
        String value;
        if (length == 0) {
            value = "";
        } else if (in.hasArray()) {
            value = new String(in.array(), in.arrayOffset() + start, length, StandardCharsets.ISO_8859_1);
        } else {
            value = in.toString(start, length, StandardCharsets.ISO_8859_1);
        }
        in.readerIndex(start + length + 1);
        return value;
    }

    /** The offset of the first NUL within {@code searchable} octets from {@code start}, or -1. */
    private int nulOffset(int start, int searchable) {
        if (in.hasArray()) {
            byte[] array = in.array();
            int base = in.arrayOffset() + start;
            for (int i = 0; i < searchable; i++) {
                if (array[base + i] == 0) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < searchable; i++) {
            if (in.getByte(start + i) == 0) {
                return i;
            }
        }
        return -1;
    }

    Address address(String field, int maxLength, CommandStatus tooLongStatus) {
        if (remaining() < 2) {
            throw truncated(field + "_ton");
        }
        int ton = in.readUnsignedByte();
        int npi = in.readUnsignedByte();
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
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return Octets.wrap(bytes);
    }

    /** The TLVs that fill the rest of the body, checked in a first pass so the list is sized once. */
    Tlvs tlvs() {
        if (remaining() <= 0) {
            return Tlvs.EMPTY;
        }
        int count = 0;
        for (int at = in.readerIndex(); at < end; count++) {
            if (end - at < 4) {
                throw new InvalidPduException(header(), CommandStatus.ESME_RINVTLVSTREAM.value(),
                        (end - at) + " stray octets where a TLV header was expected");
            }
            int length = in.getUnsignedShort(at + 2);
            if (end - at - 4 < length) {
                throw new InvalidPduException(header(), CommandStatus.ESME_RINVTLVSTREAM.value(),
                        String.format("TLV 0x%04X declares %d octets but %d remain", in.getUnsignedShort(at),
                                length, end - at - 4));
            }
            at += 4 + length;
        }
        Tlv[] tlvs = new Tlv[count];
        for (int i = 0; i < count; i++) {
            int tag = in.readUnsignedShort();
            int length = in.readUnsignedShort();
            tlvs[i] = new Tlv(tag, octets(length));
        }
        return Tlvs.of(tlvs);
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
