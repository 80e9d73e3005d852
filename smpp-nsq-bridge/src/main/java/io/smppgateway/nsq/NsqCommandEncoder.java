package io.smppgateway.nsq;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link NsqCommand}s; one stateless instance serves every connection. */
@ChannelHandler.Sharable
final class NsqCommandEncoder extends MessageToByteEncoder<NsqCommand> {

    static final NsqCommandEncoder INSTANCE = new NsqCommandEncoder();

    private NsqCommandEncoder() {
        super(NsqCommand.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, NsqCommand command, boolean preferDirect) {
        int size = command.encodedSize();
        return preferDirect ? ctx.alloc().ioBuffer(size, size) : ctx.alloc().heapBuffer(size, size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, NsqCommand command, ByteBuf out) {
        command.writeTo(out);
    }
}
