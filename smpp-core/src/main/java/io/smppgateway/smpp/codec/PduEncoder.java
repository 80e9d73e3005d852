package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.Tlvs;

/**
 * Turns PDU values into octets. Stateless and shared: it computes the exact command_length before
 * it allocates. The instance for SMPP 3.3 leaves TLVs out, since a 3.3 peer cannot read them.
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
        LengthCounter counter = new LengthCounter();
        BodyCodecs.forId(pdu.commandId()).encode(pdu, filter(counter));
        return PduHeader.LENGTH + counter.length();
    }

    /**
     * Writes {@code pdu} at the writer index of {@code out} in one pass: the command_length is
     * filled in once the body is written.
     */
    public void encode(Pdu pdu, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(pdu.commandId().value());
        out.writeInt(pdu.commandStatus());
        out.writeInt(pdu.sequenceNumber());
        BodyCodecs.forId(pdu.commandId()).encode(pdu, filter(new BufferWriter(out)));
        out.setInt(start, out.writerIndex() - start);
    }

    private void write(Pdu pdu, int length, ByteBuf out) {
        out.writeInt(length);
        out.writeInt(pdu.commandId().value());
        out.writeInt(pdu.commandStatus());
        out.writeInt(pdu.sequenceNumber());
        BodyCodecs.forId(pdu.commandId()).encode(pdu, filter(new BufferWriter(out)));
    }

    /** A buffer of exactly the PDU's size holding it. */
    public ByteBuf encode(Pdu pdu, ByteBufAllocator allocator) {
        int length = encodedLength(pdu);
        ByteBuf out = allocator.buffer(length, length);
        try {
            write(pdu, length, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    public byte[] toBytes(Pdu pdu) {
        ByteBuf out = encode(pdu, ByteBufAllocator.DEFAULT);
        try {
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private BodyWriter filter(BodyWriter writer) {
        return writeTlvs ? writer : new TlvDroppingWriter(writer);
    }

    /** Passes every field on but the TLVs. */
    private record TlvDroppingWriter(BodyWriter target) implements BodyWriter {
        @Override
        public void octet(int value) {
            target.octet(value);
        }

        @Override
        public void int32(int value) {
            target.int32(value);
        }

        @Override
        public void cString(String value) {
            target.cString(value);
        }

        @Override
        public void lengthPrefixedOctets(Octets value) {
            target.lengthPrefixedOctets(value);
        }

        @Override
        public void tlvs(Tlvs tlvs) {
            // SMPP 3.3 has no TLVs.
        }
    }
}
