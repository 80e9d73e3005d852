package io.smppgateway.smpp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Pdu;

/**
 * Encodes outgoing PDUs into pooled buffers of their exact size. The session switches it to the 3.3
 * encoder (no TLVs) when the peer binds with 3.3, and reads the octets back for the PDU log.
 */
public final class PduFrameEncoder extends ChannelOutboundHandlerAdapter {

    /** Sees each PDU's octets as written. */
    interface OctetsTap {
        void sent(Pdu pdu, byte[] octets);
    }

    private volatile PduEncoder encoder = PduEncoder.WITH_TLVS;
    private volatile OctetsTap tap;

    void encoder(PduEncoder encoder) {
        this.encoder = encoder;
    }

    void tap(OctetsTap tap) {
        this.tap = tap;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Pdu pdu)) {
            ctx.write(msg, promise);
            return;
        }
        // The encoder lays the PDU out before it allocates: the buffer is pooled and of its exact size.
        ByteBuf buffer = encoder.encode(pdu, ctx.alloc());
        OctetsTap current = tap;
        if (current != null) {
            byte[] octets = new byte[buffer.readableBytes()];
            buffer.getBytes(buffer.readerIndex(), octets);
            current.sent(pdu, octets);
        }
        ctx.write(buffer, promise);
    }
}
