package io.smppgateway.nsq;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits nsqd's byte stream into {@link NsqFrame}s. It never throws into the pipeline: a frame
 * larger than {@code maxFrameSize}, shorter than its type field, or of an unknown type becomes a
 * {@link NsqFrame.Malformed} and its bytes are skipped, so the handler decides what to do (close).
 */
final class NsqFrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameSize;
    private long bytesToDiscard;

    /** @param maxFrameSize largest accepted value of the size field (frame type + data) */
    NsqFrameDecoder(int maxFrameSize) {
        if (maxFrameSize < 4 + NsqMessage.HEADER_SIZE) {
            throw new IllegalArgumentException("maxFrameSize too small: " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (bytesToDiscard > 0) {
            int skip = (int) Math.min(bytesToDiscard, in.readableBytes());
            in.skipBytes(skip);
            bytesToDiscard -= skip;
            if (bytesToDiscard > 0) {
                return;
            }
        }
        if (in.readableBytes() < 4) {
            return;
        }
        long size = in.getUnsignedInt(in.readerIndex());
        if (size < 4 || size > maxFrameSize) {
            in.skipBytes(4);
            bytesToDiscard = size;
            int skip = (int) Math.min(bytesToDiscard, in.readableBytes());
            in.skipBytes(skip);
            bytesToDiscard -= skip;
            out.add(new NsqFrame.Malformed(size < 4
                    ? "frame size " + size + " leaves no room for the 4-byte frame type"
                    : "frame of " + size + " bytes exceeds the maximum of " + maxFrameSize));
            return;
        }
        if (in.readableBytes() < 4 + size) {
            return;
        }
        in.skipBytes(4);
        int frameType = in.readInt();
        int dataSize = (int) size - 4;
        switch (frameType) {
            case NsqFrame.TYPE_RESPONSE -> {
                byte[] data = new byte[dataSize];
                in.readBytes(data);
                out.add(new NsqFrame.Response(data));
            }
            case NsqFrame.TYPE_ERROR -> out.add(NsqFrame.Error.parse(in.readCharSequence(dataSize, StandardCharsets.UTF_8).toString()));
            case NsqFrame.TYPE_MESSAGE -> {
                if (dataSize < NsqMessage.HEADER_SIZE) {
                    in.skipBytes(dataSize);
                    out.add(new NsqFrame.Malformed("message frame of " + dataSize + " bytes is shorter than its 26-byte header"));
                    return;
                }
                long timestamp = in.readLong();
                int attempts = in.readUnsignedShort();
                String id = in.readCharSequence(16, StandardCharsets.ISO_8859_1).toString();
                byte[] body = new byte[dataSize - NsqMessage.HEADER_SIZE];
                in.readBytes(body);
                out.add(new NsqFrame.Message(new NsqMessage(id, timestamp, attempts, body)));
            }
            default -> {
                in.skipBytes(dataSize);
                out.add(new NsqFrame.Malformed("unknown frame type " + frameType));
            }
        }
    }
}
