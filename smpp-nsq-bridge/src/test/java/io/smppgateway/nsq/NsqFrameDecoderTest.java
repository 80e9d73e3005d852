package io.smppgateway.nsq;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsqFrameDecoderTest {

    /** Response frame "OK": size 6 = 4 (type) + 2 (data). */
    private static final byte[] OK_FRAME = {
            0x00, 0x00, 0x00, 0x06,       // size
            0x00, 0x00, 0x00, 0x00,       // frame type 0: response
            'O', 'K'};                    // data

    /** Message frame: timestamp 1, attempts 2, id "0123456789abcdef", body "hi". */
    private static final byte[] MESSAGE_FRAME = {
            0x00, 0x00, 0x00, 0x20,       // size 32 = 4 + 8 + 2 + 16 + 2
            0x00, 0x00, 0x00, 0x02,       // frame type 2: message
            0, 0, 0, 0, 0, 0, 0, 0x01,    // timestamp (int64, ns)
            0x00, 0x02,                   // attempts (uint16)
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', // id
            'h', 'i'};                    // body

    private static EmbeddedChannel channel(int maxFrameSize) {
        return new EmbeddedChannel(new NsqFrameDecoder(maxFrameSize));
    }

    @Test
    void decodesResponseFrame() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(OK_FRAME));
        NsqFrame.Response r = assertInstanceOf(NsqFrame.Response.class, ch.readInbound());
        assertEquals("OK", r.text());
        assertFalse(r.isHeartbeat());
        assertNull(ch.readInbound());
    }

    @Test
    void decodesHeartbeat() {
        byte[] frame = frame(0, "_heartbeat_".getBytes(StandardCharsets.US_ASCII));
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        assertTrue(assertInstanceOf(NsqFrame.Response.class, ch.readInbound()).isHeartbeat());
    }

    @Test
    void decodesErrorFrameIntoCodeAndDescription() {
        byte[] frame = {
                0x00, 0x00, 0x00, 0x17,   // size 23 = 4 + 19
                0x00, 0x00, 0x00, 0x01,   // frame type 1: error
                'E', '_', 'B', 'A', 'D', '_', 'T', 'O', 'P', 'I', 'C', ' ', 'b', 'a', 'd', ' ', 'x', 'y', 'z'};
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        NsqFrame.Error e = assertInstanceOf(NsqFrame.Error.class, ch.readInbound());
        assertEquals("E_BAD_TOPIC", e.code());
        assertEquals("bad xyz", e.description());
        assertFalse(e.isAcknowledgementFailure());
    }

    @Test
    void decodesMessageFrameFields() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(MESSAGE_FRAME));
        NsqMessage m = assertInstanceOf(NsqFrame.Message.class, ch.readInbound()).message();
        assertEquals(1L, m.timestampNanos());
        assertEquals(2, m.attempts());
        assertEquals("0123456789abcdef", m.id());
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), m.body());
    }

    @Test
    void decodesFrameFedOneByteAtATime() {
        EmbeddedChannel ch = channel(1024);
        for (int i = 0; i < MESSAGE_FRAME.length - 1; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {MESSAGE_FRAME[i]}));
            assertNull(ch.readInbound(), "no frame before byte " + (i + 1) + " of " + MESSAGE_FRAME.length);
        }
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {MESSAGE_FRAME[MESSAGE_FRAME.length - 1]}));
        assertEquals("0123456789abcdef", assertInstanceOf(NsqFrame.Message.class, ch.readInbound()).message().id());
    }

    @Test
    void decodesFrameSplitAcrossReadsAndTwoFramesInOneRead() {
        byte[] both = concat(OK_FRAME, MESSAGE_FRAME);
        EmbeddedChannel ch = channel(1024);
        // First read: the OK frame and 5 bytes of the message frame; second read: the rest.
        ch.writeInbound(Unpooled.wrappedBuffer(both, 0, OK_FRAME.length + 5));
        assertInstanceOf(NsqFrame.Response.class, ch.readInbound());
        assertNull(ch.readInbound());
        ch.writeInbound(Unpooled.wrappedBuffer(both, OK_FRAME.length + 5, both.length - OK_FRAME.length - 5));
        assertInstanceOf(NsqFrame.Message.class, ch.readInbound());
        assertNull(ch.readInbound());
    }

    @Test
    void rejectsOversizedFrameAndSkipsItsBytes() {
        byte[] big = frame(0, new byte[100]);      // size field 104
        EmbeddedChannel ch = channel(64);
        // The oversized frame arrives in two reads, then a valid frame follows.
        ch.writeInbound(Unpooled.wrappedBuffer(big, 0, 30));
        NsqFrame.Malformed m = assertInstanceOf(NsqFrame.Malformed.class, ch.readInbound());
        assertTrue(m.reason().contains("104"), m.reason());
        ch.writeInbound(Unpooled.wrappedBuffer(concat(java.util.Arrays.copyOfRange(big, 30, big.length), OK_FRAME)));
        assertEquals("OK", assertInstanceOf(NsqFrame.Response.class, ch.readInbound()).text());
        assertNull(ch.readInbound());
    }

    @Test
    void rejectsFrameTooShortForItsType() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 'x', 'y'}));
        assertInstanceOf(NsqFrame.Malformed.class, ch.readInbound());
    }

    @Test
    void rejectsUnknownFrameType() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(concat(frame(7, new byte[] {1, 2}), OK_FRAME)));
        assertTrue(assertInstanceOf(NsqFrame.Malformed.class, ch.readInbound()).reason().contains("type 7"));
        assertInstanceOf(NsqFrame.Response.class, ch.readInbound());
    }

    @Test
    void rejectsMessageShorterThanItsHeader() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(frame(2, new byte[10])));
        assertInstanceOf(NsqFrame.Malformed.class, ch.readInbound());
    }

    private static byte[] frame(int type, byte[] data) {
        int size = 4 + data.length;
        byte[] out = new byte[4 + size];
        out[0] = (byte) (size >>> 24);
        out[1] = (byte) (size >>> 16);
        out[2] = (byte) (size >>> 8);
        out[3] = (byte) size;
        out[7] = (byte) type;
        System.arraycopy(data, 0, out, 8, data.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
