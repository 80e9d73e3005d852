package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;

/**
 * Turns PDU values into octets. Stateless and shared: each thread lays a PDU out in an array of
 * its own, so the exact command_length is known before anything is allocated and the PDU reaches
 * the buffer in one write. The instance for SMPP 3.3 leaves TLVs out, since a 3.3 peer cannot read
 * them.
 */
public final class PduEncoder {

    /** Writes every TLV: SMPP 3.4 and 5.0. */
    public static final PduEncoder WITH_TLVS = new PduEncoder(true);
    /** Leaves TLVs out: SMPP 3.3. */
    public static final PduEncoder WITHOUT_TLVS = new PduEncoder(false);

    private final boolean writeTlvs;

    private PduEncoder(boolean writeTlvs) {
        this.writeTlvs = writeTlvs;
    }

    public static PduEncoder forVersion(InterfaceVersion version) {
        return version.supportsTlvs() ? WITH_TLVS : WITHOUT_TLVS;
    }

    /** The command_length of {@code pdu}: header and body. */
    public int encodedLength(Pdu pdu) {
        BodyWriter writer = BodyWriter.forCurrentThread();
        try {
            write(pdu, writer);
            return writer.finish();
        } finally {
            writer.close();
        }
    }

    /**
     * Writes {@code pdu} at the writer index of {@code out}: the whole PDU is laid out first, so
     * the buffer grows at most once and receives it in one bulk write.
     */
    public void encode(Pdu pdu, ByteBuf out) {
        if (isHeaderOnly(pdu)) {
            // enquire_link and its kin: the 16 header octets as two longs, no layout needed.
            int at = out.writerIndex();
            out.ensureWritable(PduHeader.LENGTH);
            out.setLong(at, (long) PduHeader.LENGTH << 32 | pdu.commandId().value() & 0xFFFFFFFFL);
            out.setLong(at + 8, (long) pdu.commandStatus() << 32 | pdu.sequenceNumber() & 0xFFFFFFFFL);
            out.writerIndex(at + PduHeader.LENGTH);
            return;
        }
        BodyWriter writer = BodyWriter.forCurrentThread();
        try {
            write(pdu, writer);
            writer.finish();
            writer.copyTo(out);
        } finally {
            writer.close();
        }
    }

    /** A buffer of exactly the PDU's size holding it. */
    public ByteBuf encode(Pdu pdu, ByteBufAllocator allocator) {
        if (isHeaderOnly(pdu)) {
            ByteBuf out = allocator.buffer(PduHeader.LENGTH, PduHeader.LENGTH);
            encode(pdu, out);
            return out;
        }
        BodyWriter writer = BodyWriter.forCurrentThread();
        try {
            write(pdu, writer);
            int length = writer.finish();
            ByteBuf out = allocator.buffer(length, length);
            writer.copyTo(out);
            return out;
        } finally {
            writer.close();
        }
    }

    public byte[] toBytes(Pdu pdu) {
        BodyWriter writer = BodyWriter.forCurrentThread();
        try {
            write(pdu, writer);
            writer.finish();
            return writer.toByteArray();
        } finally {
            writer.close();
        }
    }

    private static boolean isHeaderOnly(Pdu pdu) {
        return BodyCodecs.forId(pdu.commandId()) instanceof HeaderOnlyCodec;
    }

    /** Lays {@code pdu} out in {@code writer}, header and body; command_length is not filled in yet. */
    private void write(Pdu pdu, BodyWriter writer) {
        writer.start(pdu, writeTlvs);
        BodyCodecs.forId(pdu.commandId()).encode(pdu, writer);
    }
}
