package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;

/** Writes a body's fields into a buffer. */
final class BufferWriter implements BodyWriter {

    private final ByteBuf out;

    BufferWriter(ByteBuf out) {
        this.out = out;
    }

    @Override
    public void octet(int value) {
        out.writeByte(value);
    }

    @Override
    public void int32(int value) {
        out.writeInt(value);
    }

    @Override
    public void cString(String value) {
        if (!value.isEmpty()) {
            out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
        }
        out.writeByte(0);
    }

    @Override
    public void lengthPrefixedOctets(Octets value) {
        out.writeByte(value.length());
        value.writeTo(out);
    }

    @Override
    public void tlvs(Tlvs tlvs) {
        for (Tlv tlv : tlvs.list()) {
            out.writeShort(tlv.tag());
            out.writeShort(tlv.value().length());
            tlv.value().writeTo(out);
        }
    }
}
