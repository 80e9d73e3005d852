package io.smppgateway.smpp.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.BindOutcome;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SessionRole;
import io.smppgateway.smpp.session.SessionState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session's framing on an {@link EmbeddedChannel}: PDUs split across reads, framing errors
 * answered then closed, and reading stopped while the peer does not take our output.
 */
class ChannelSessionFramingTest {

    private final List<SubmitSm> submits = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(false, false);
    private final ChannelSession session = ChannelSession.install(channel, SessionRole.SMSC, SessionConfig.defaults(),
            (peer, request) -> {
                submits.add((SubmitSm) request);
                return CompletableFuture.completedFuture(new SubmitSmResp(0, request.sequenceNumber(), "id-1", null));
            },
            (peer, bind) -> CompletableFuture.completedFuture(BindOutcome.accepted("smsc", 0)), PduListener.NONE);

    ChannelSessionFramingTest() throws Exception {
        channel.register();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static byte[] octetsOf(Pdu pdu) {
        ByteBuf encoded = PduEncoder.WITH_TLVS.encode(pdu, io.netty.buffer.ByteBufAllocator.DEFAULT);
        try {
            byte[] octets = new byte[encoded.readableBytes()];
            encoded.readBytes(octets);
            return octets;
        } finally {
            encoded.release();
        }
    }

    private void receive(byte[] octets, int from, int to) {
        channel.writeInbound(Unpooled.wrappedBuffer(octets, from, to - from));
        channel.runPendingTasks();
    }

    private void receive(Pdu pdu) {
        byte[] octets = octetsOf(pdu);
        receive(octets, 0, octets.length);
    }

    /** The next PDU the session wrote, decoded; {@code null} when it wrote nothing more. */
    private Pdu sent() {
        channel.runPendingTasks();
        ByteBuf written = channel.readOutbound();
        if (written == null) {
            return null;
        }
        try {
            return new PduDecoder(PduDecoder.DEFAULT_MAX_PDU_LENGTH).decode(written);
        } finally {
            written.release();
        }
    }

    private void bind() {
        receive((Pdu) BindRequest.of(BindType.TRANSCEIVER, 1, "esme", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY));
        assertEquals(0, sent().commandStatus(), "bind accepted");
        assertEquals(SessionState.BOUND_TRX, session.state());
    }

    private static SubmitSm submit(int sequence, String text) {
        return SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build().withSequenceNumber(sequence);
    }

    @Test
    void aPduSplitAcrossReadsIsDecodedOnceWhole() {
        byte[] octets = octetsOf(new EnquireLink(7));

        receive(octets, 0, 1);
        receive(octets, 1, 8);
        assertNull(sent(), "nothing is answered before the PDU is whole");
        receive(octets, 8, octets.length);

        EnquireLinkResp answer = assertInstanceOf(EnquireLinkResp.class, sent());
        assertEquals(7, answer.sequenceNumber());
        assertNull(sent());
    }

    @Test
    void twoPdusInOneReadAreBothAnswered() {
        bind();
        byte[] first = octetsOf(submit(2, "one"));
        byte[] second = octetsOf(submit(3, "two"));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        receive(both, 0, both.length);

        assertEquals(2, sent().sequenceNumber());
        assertEquals(3, sent().sequenceNumber());
        assertEquals(2, submits.size());
    }

    @Test
    void aSubmitSplitAtEveryOctetIsOneSubmit() {
        bind();
        byte[] octets = octetsOf(submit(9, "split"));

        for (int i = 0; i < octets.length; i++) {
            receive(octets, i, i + 1);
        }

        assertEquals(1, submits.size());
        assertEquals("split", new String(submits.get(0).shortMessage().toByteArray(), StandardCharsets.ISO_8859_1));
        assertEquals(9, sent().sequenceNumber());
    }

    @Test
    void aCommandLengthShorterThanAHeaderIsAnsweredWithGenericNackThenTheConnectionCloses() {
        byte[] broken = {0, 0, 0, 5, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 4};

        receive(broken, 0, broken.length);

        GenericNack nack = assertInstanceOf(GenericNack.class, sent());
        assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), nack.commandStatus());
        assertFalse(channel.isOpen(), "a framing error ends the connection");
    }

    @Test
    void whatFollowsAFramingErrorIsNotRead() {
        byte[] broken = {0, 0, 0, 5, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 4};
        byte[] enquire = octetsOf(new EnquireLink(8));
        byte[] both = new byte[broken.length + enquire.length];
        System.arraycopy(broken, 0, both, 0, broken.length);
        System.arraycopy(enquire, 0, both, broken.length, enquire.length);

        receive(both, 0, both.length);

        assertInstanceOf(GenericNack.class, sent());
        assertNull(sent(), "the enquire_link after the broken frame is discarded");
    }

    @Test
    void aPeerThatDoesNotTakeOurOutputIsNotReadFromUntilItDoes() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        assertTrue(channel.config().isAutoRead());

        channel.write(Unpooled.wrappedBuffer(new byte[64]));

        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead(), "reading stops while our output waits");

        channel.flush();

        assertTrue(channel.isWritable());
        assertTrue(channel.config().isAutoRead(), "reading resumes once the output drained");
        ByteBuf drained = channel.readOutbound();
        drained.release();
    }
}
