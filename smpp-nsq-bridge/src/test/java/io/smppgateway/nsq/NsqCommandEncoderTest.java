package io.smppgateway.nsq;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NsqCommandEncoderTest {

    private static byte[] encode(NsqCommand command) {
        EmbeddedChannel ch = new EmbeddedChannel(NsqCommandEncoder.INSTANCE);
        ch.writeOutbound(command);
        ByteBuf buf = ch.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        assertEquals(command.encodedSize(), bytes.length, "encodedSize of " + command);
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTextLineCommands() {
        assertArrayEquals(ascii("SUB t1 ch\n"), encode(new NsqCommand.Sub("t1", "ch")));
        assertArrayEquals(ascii("RDY 200\n"), encode(new NsqCommand.Rdy(200)));
        assertArrayEquals(ascii("FIN 0123456789abcdef\n"), encode(new NsqCommand.Fin("0123456789abcdef")));
        assertArrayEquals(ascii("REQ 0123456789abcdef 1500\n"), encode(new NsqCommand.Req("0123456789abcdef", 1500)));
        assertArrayEquals(ascii("TOUCH 0123456789abcdef\n"), encode(new NsqCommand.Touch("0123456789abcdef")));
        assertArrayEquals(ascii("CLS\n"), encode(new NsqCommand.Cls()));
        assertArrayEquals(ascii("NOP\n"), encode(new NsqCommand.Nop()));
    }

    @Test
    void encodesPubWithSizePrefixedBody() {
        byte[] expected = {
                'P', 'U', 'B', ' ', 't', '\n',  // command line
                0, 0, 0, 3,                     // body size
                'a', 'b', 'c'};                 // body
        assertArrayEquals(expected, encode(new NsqCommand.Pub("t", ascii("abc"))));
    }

    @Test
    void encodesDpubWithDeferTime() {
        byte[] expected = {
                'D', 'P', 'U', 'B', ' ', 't', ' ', '2', '5', '0', '\n', // command line with defer ms
                0, 0, 0, 1,                                             // body size
                'z'};                                                   // body
        assertArrayEquals(expected, encode(new NsqCommand.Dpub("t", 250, ascii("z"))));
    }

    @Test
    void encodesMpubWithTotalSizeCountAndSizedMessages() {
        byte[] expected = {
                'M', 'P', 'U', 'B', ' ', 't', '\n', // command line
                0, 0, 0, 15,                        // body size: 4 (count) + 4+2 + 4+1
                0, 0, 0, 2,                         // number of messages
                0, 0, 0, 2, 'a', 'b',               // message 1
                0, 0, 0, 1, 'c'};                   // message 2
        assertArrayEquals(expected, encode(new NsqCommand.Mpub("t", List.of(ascii("ab"), ascii("c")))));
    }

    @Test
    void encodesIdentifyWithJsonBody() {
        byte[] json = ascii("{\"a\":1}");
        byte[] encoded = encode(new NsqCommand.Identify(json));
        byte[] expected = {
                'I', 'D', 'E', 'N', 'T', 'I', 'F', 'Y', '\n', // command line
                0, 0, 0, 7,                                   // body size
                '{', '"', 'a', '"', ':', '1', '}'};           // JSON
        assertArrayEquals(expected, encoded);
    }

    @Test
    void refusesNamesThatWouldBreakTheCommandLine() {
        assertThrows(IllegalArgumentException.class, () -> new NsqCommand.Pub("a b", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new NsqCommand.Pub("a\nPUB x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new NsqCommand.Sub("t", ""));
        assertThrows(IllegalArgumentException.class, () -> new NsqCommand.Mpub("t", List.of()));
    }
}
