package io.smppgateway.smpp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.smppgateway.smpp.codec.InvalidPduException;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduFramingException;
import io.smppgateway.smpp.pdu.CommandStatus;
import java.util.List;

/**
 * Splits the byte stream into PDUs and decodes them. It never throws into the pipeline: a PDU that
 * fails to decode is passed up as a {@link ReceivedPdu} with its error, and after a framing error
 * it discards everything that follows (the session answers and closes).
 */
public final class PduFrameDecoder extends ByteToMessageDecoder {

    private final PduDecoder decoder;
    private volatile boolean keepOctets;
    private volatile int frameLimit;
    private boolean broken;

    public PduFrameDecoder(PduDecoder decoder) {
        this.decoder = decoder;
        this.frameLimit = decoder.maxPduLength();
    }

    /**
     * The largest command_length accepted from now on, at most the decoder's own maximum: a peer
     * that has not bound yet is held to the length of a bind, so that it cannot make us buffer
     * 64 KiB frames before we know who it is.
     */
    void frameLimit(int limit) {
        this.frameLimit = Math.min(limit, decoder.maxPduLength());
    }

    /** Whether to pass every PDU up with its octets (for the PDU log). */
    void keepOctets(boolean keep) {
        this.keepOctets = keep;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int length;
        try {
            length = decoder.frameLength(in);
            int limit = frameLimit;
            if (length > limit) {
                int sequence = in.readableBytes() >= 16 ? in.getInt(in.readerIndex() + 12) : 0;
                throw new PduFramingException(CommandStatus.ESME_RINVCMDLEN.value(), sequence,
                        "command_length " + length + " is longer than the " + limit + " allowed before a bind");
            }
        } catch (PduFramingException e) {
            broken = true;
            byte[] octets = new byte[Math.min(in.readableBytes(), 16)];
            in.readBytes(octets);
            in.skipBytes(in.readableBytes());
            out.add(new ReceivedPdu(null, e, octets));
            return;
        }
        if (length < 0 || in.readableBytes() < length) {
            return;
        }
        byte[] octets = null;
        if (keepOctets) {
            octets = new byte[length];
            in.getBytes(in.readerIndex(), octets);
        }
        try {
            var pdu = decoder.decode(in);
            out.add(octets == null ? pdu : new ReceivedPdu(pdu, null, octets));
        } catch (InvalidPduException e) {
            if (octets == null) {
                octets = new byte[0];
            }
            out.add(new ReceivedPdu(null, e, octets));
        }
    }
}
