package io.smppgateway.smpp.server;

import static io.smppgateway.smpp.server.SmppServerTest.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.session.SmppSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server against peers that lie, flood, stall or never read, each over a real socket: what
 * each can make the server hold, answer and log is bounded.
 */
class HostilePeerTest {

    private final TestEsmes accounts = new TestEsmes();
    private final List<CompletableFuture<SubmitSmResp>> held = new CopyOnWriteArrayList<>();
    private final List<SubmitSm> heldRequests = new CopyOnWriteArrayList<>();
    private SmppServer server;
    private SmppConnector connector;

    private void start(SmppServerConfig config) {
        accounts.add(1, "esme1", "secret", 5, 0);
        EsmeRequestHandler holdSubmits = (account, session, request) -> {
            if (request instanceof SubmitSm submit) {
                CompletableFuture<SubmitSmResp> answer = new CompletableFuture<>();
                heldRequests.add(submit);
                held.add(answer);
                return answer;
            }
            return null;
        };
        server = SmppServer.start(config.withAddress("127.0.0.1", 0), accounts, holdSubmits, PduListener.NONE);
    }

    private void start() {
        start(SmppServerConfig.defaults());
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SubmitSm submit(int sequence) {
        return SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage("hi".getBytes(StandardCharsets.ISO_8859_1)).build().withSequenceNumber(sequence);
    }

    private RawPeer boundPeer(String from) throws IOException {
        RawPeer peer = RawPeer.connect(server.port(), from);
        peer.send(RawPeer.bind(BindType.TRANSCEIVER, 1, "esme1", "secret"));
        assertEquals(0, ((BindResponse) peer.read()).commandStatus());
        return peer;
    }

    private ChannelSession sessionFrom(int localPort) {
        awaitCondition(() -> server.connections().stream().anyMatch(s -> s.remoteAddress().getPort() == localPort));
        return (ChannelSession) server.connections().stream()
                .filter(s -> s.remoteAddress().getPort() == localPort).findFirst().orElseThrow();
    }

    // ---- back-pressure ----

    @Test
    void aPeerThatNeverReadsIsNoLongerReadFromAndCannotMakeTheServerHoldItsAnswers() throws Exception {
        start();
        try (SocketChannel peer = SocketChannel.open()) {
            peer.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            peer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            peer.write(ByteBuffer.wrap(PduEncoder.WITH_TLVS.toBytes(RawPeer.bind(BindType.TRANSCEIVER, 1, "esme1",
                    "secret"))));
            ChannelSession session = sessionFrom(((InetSocketAddress) peer.getLocalAddress()).getPort());
            awaitCondition(() -> session.state().isBound());
            peer.configureBlocking(false);

            ByteBuffer flood = enquireLinks(4096); // 64 KiB of enquire_link, never reading an answer
            long accepted = 0;
            long limit = 256L * 1024 * 1024;
            long lastProgress = System.nanoTime();
            while (accepted < limit && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(3)) {
                flood.rewind();
                int written = peer.write(flood);
                if (written > 0) {
                    accepted += written;
                    lastProgress = System.nanoTime();
                } else {
                    Thread.sleep(5);
                }
            }
            assertTrue(accepted < 64L * 1024 * 1024,
                    "the server kept reading a peer that never reads: " + accepted + " bytes taken");
            assertFalse(session.channel().config().isAutoRead(), "the server still reads from the peer");
            assertTrue(session.channel().isOpen());
        }
    }

    @Test
    void aPeerThatLetsTooMuchOfOurOutputWaitIsClosed() throws Exception {
        SessionConfig small = SessionConfig.builder().maxPduLength(4096).maxUnwrittenBytes(4096).build();
        start(SmppServerConfig.defaults().withSession(small));
        try (SocketChannel peer = SocketChannel.open()) {
            peer.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            peer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            peer.write(ByteBuffer.wrap(PduEncoder.WITH_TLVS.toBytes(RawPeer.bind(BindType.TRANSCEIVER, 1, "esme1",
                    "secret"))));
            ChannelSession session = sessionFrom(((InetSocketAddress) peer.getLocalAddress()).getPort());
            awaitCondition(() -> session.state().isBound());
            peer.configureBlocking(false);
            ByteBuffer flood = enquireLinks(4096);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (session.channel().isOpen() && System.nanoTime() < deadline) {
                flood.rewind();
                try {
                    if (peer.write(flood) == 0) {
                        Thread.sleep(5);
                    }
                } catch (IOException closedByServer) {
                    break;
                }
            }
            awaitCondition(() -> session.state() == SessionState.CLOSED);
        }
    }

    private static ByteBuffer enquireLinks(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * count);
        for (int i = 0; i < count; i++) {
            buffer.put(PduEncoder.WITH_TLVS.toBytes(new EnquireLink(i + 2)));
        }
        return buffer.flip();
    }

    // ---- before the bind ----

    @Test
    void aConnectionThatSendsTooMuchBeforeBindingIsClosed() throws Exception {
        start();
        try (RawPeer peer = RawPeer.connect(server.port())) {
            ByteBuffer flood = enquireLinks(SessionConfig.UnboundAllowance.defaults().pdus() + 1);
            peer.sendBytes(flood.array());
            int answered = 0;
            try {
                while (true) {
                    assertInstanceOf(EnquireLinkResp.class, peer.read());
                    answered++;
                }
            } catch (java.io.EOFException closed) {
                // the server closed the connection
            }
            assertEquals(SessionConfig.UnboundAllowance.defaults().pdus(), answered);
        }
    }

    @Test
    void aLongPduBeforeTheBindIsAFramingError() throws Exception {
        start();
        try (RawPeer peer = RawPeer.connect(server.port())) {
            // command_length 2000, bind_transmitter, status 0, sequence 9: and no body (yet)
            peer.sendBytes(java.util.HexFormat.of().parseHex("000007d0000000020000000000000009"));
            GenericNack nack = assertInstanceOf(GenericNack.class, peer.read());
            assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), nack.commandStatus());
            assertEquals(9, nack.sequenceNumber());
            assertTrue(peer.endsWithoutAnotherPdu());
        }
    }

    @Test
    void aBoundPeerMaySendLongPdus() throws Exception {
        start();
        try (RawPeer peer = boundPeer("127.0.0.1")) {
            SubmitSm longOne = SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                    .tlv(io.smppgateway.smpp.pdu.Tlv.ofOctets(io.smppgateway.smpp.pdu.TlvTag.MESSAGE_PAYLOAD,
                            io.smppgateway.smpp.pdu.Octets.of(new byte[3000]))).build().withSequenceNumber(2);
            peer.send(longOne);
            awaitCondition(() -> held.size() == 1);
            held.get(0).complete(heldRequests.get(0).response("m-1"));
            assertEquals("m-1", assertInstanceOf(SubmitSmResp.class, peer.read()).messageId());
        }
    }

    // ---- connections ----

    @Test
    void connectionsBeyondTheAddressesShareAreClosedAsTheyAreAccepted() throws Exception {
        start(SmppServerConfig.defaults().withConnections(new SmppServerConfig.Connections(10, 2)));
        try (RawPeer first = admitted("127.0.0.1");
             RawPeer second = admitted("127.0.0.1");
             RawPeer third = RawPeer.connect(server.port(), "127.0.0.1");
             RawPeer elsewhere = admitted("127.0.0.2")) {
            assertTrue(third.endsWithoutAnotherPdu(), "a third connection from one address");
            first.close();
            awaitCondition(() -> server.connectionCount() == 2);
            try (RawPeer again = admitted("127.0.0.1")) {
                assertEquals(3, server.connectionCount(), "a closed connection gave its place back");
            }
        }
    }

    @Test
    void connectionsBeyondTheServersTotalAreClosed() throws Exception {
        start(SmppServerConfig.defaults().withConnections(new SmppServerConfig.Connections(2, 2)));
        try (RawPeer first = admitted("127.0.0.1");
             RawPeer second = admitted("127.0.0.2");
             RawPeer third = RawPeer.connect(server.port(), "127.0.0.3")) {
            assertTrue(third.endsWithoutAnotherPdu());
        }
    }

    /** A connection the server took: it answers an enquire_link. */
    private RawPeer admitted(String from) throws IOException {
        RawPeer peer = RawPeer.connect(server.port(), from);
        peer.send(new EnquireLink(5));
        assertInstanceOf(EnquireLinkResp.class, peer.read());
        return peer;
    }

    // ---- binds ----

    @Test
    void aRefusedBindIsTheConnectionsLastAnswer() throws Exception {
        start();
        try (RawPeer peer = RawPeer.connect(server.port())) {
            ByteArrayOutputStream twoGuesses = new ByteArrayOutputStream();
            twoGuesses.write(PduEncoder.WITH_TLVS.toBytes(RawPeer.bind(BindType.TRANSCEIVER, 1, "esme1", "guess1")));
            twoGuesses.write(PduEncoder.WITH_TLVS.toBytes(RawPeer.bind(BindType.TRANSCEIVER, 2, "esme1", "guess2")));
            peer.sendBytes(twoGuesses.toByteArray());
            BindResponse refused = (BindResponse) peer.read();
            assertEquals(CommandStatus.ESME_RINVPASWD.value(), refused.commandStatus());
            assertEquals(1, refused.sequenceNumber());
            assertTrue(peer.endsWithoutAnotherPdu(), "the second guess was answered");
        }
    }

    @Test
    void aDisabledAccountOrAnAddressOutsideTheAllowListIsRefusedAlikeWhateverThePassword() {
        start();
        accounts.put(new EsmeAccount(2, "off", "pw", false, List.of(), 1, 0));
        accounts.add(3, "fenced", "pw", 1, 0, "192.0.2.77");
        connector = new SmppConnector();
        for (String systemId : List.of("off", "fenced")) {
            for (String password : List.of("pw", "wrong")) {
                BindRefusedException refused = assertThrows(BindRefusedException.class, () -> TestEsmes.await(
                        TestEsmes.bind(connector, server.port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                                systemId, password, SessionConfig.defaults(), (s, r) -> null)));
                assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refused.commandStatus(),
                        systemId + " with password " + password);
            }
        }
    }

    @Test
    void failedBindsSpaceTheAddressesLaterAttempts() throws Exception {
        BindThrottle.Policy policy = new BindThrottle.Policy(1, Duration.ofMillis(400), Duration.ofMillis(400),
                Duration.ofSeconds(5), Duration.ofMinutes(15), 100);
        start(SmppServerConfig.defaults().withBindThrottle(policy));
        for (int i = 0; i < 2; i++) {
            assertEquals(CommandStatus.ESME_RINVPASWD.value(), guess("127.0.0.5", "wrong" + i));
        }
        long started = System.nanoTime();
        List<CompletableFuture<Integer>> parallel = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String password = "par" + i;
            parallel.add(CompletableFuture.supplyAsync(() -> guess("127.0.0.5", password)));
        }
        for (CompletableFuture<Integer> attempt : parallel) {
            assertEquals(CommandStatus.ESME_RINVPASWD.value(), attempt.get(20, TimeUnit.SECONDS));
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(elapsedMillis >= 800, "three parallel guesses 400 ms apart took only " + elapsedMillis + " ms");
    }

    @Test
    void guessesFromElsewhereDoNotKeepTheEsmeOutOfAnAddressItBoundFrom() throws Exception {
        BindThrottle.Policy policy = new BindThrottle.Policy(1, Duration.ofSeconds(4), Duration.ofSeconds(4),
                Duration.ofSeconds(1), Duration.ofMinutes(15), 100);
        start(SmppServerConfig.defaults().withBindThrottle(policy));
        try (RawPeer legitimate = boundPeer("127.0.0.10")) {
            legitimate.send(new Unbind(2));
            assertInstanceOf(UnbindResp.class, legitimate.read());
        }
        for (int host = 11; host <= 16; host++) {
            guess("127.0.0." + host, "wrong");
        }
        try (RawPeer again = boundPeer("127.0.0.10")) {
            again.send(new EnquireLink(3));
            assertInstanceOf(EnquireLinkResp.class, again.read());
        }
    }

    private int guess(String from, String password) {
        try (RawPeer peer = RawPeer.connect(server.port(), from)) {
            peer.send(RawPeer.bind(BindType.TRANSCEIVER, 1, "esme1", password));
            return ((BindResponse) peer.read()).commandStatus();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- unbind ----

    @Test
    void anUnbindAfterSubmitsIsAnsweredAfterTheSubmitsAre() throws Exception {
        start();
        try (RawPeer peer = boundPeer("127.0.0.1")) {
            ByteArrayOutputStream window = new ByteArrayOutputStream();
            for (int i = 0; i < 10; i++) {
                window.write(PduEncoder.WITH_TLVS.toBytes(submit(10 + i)));
            }
            window.write(PduEncoder.WITH_TLVS.toBytes(new Unbind(99)));
            peer.sendBytes(window.toByteArray());
            awaitCondition(() -> held.size() == 10);
            SmppSession session = sessionFrom(peer.socket().getLocalPort());
            awaitCondition(() -> session.state() == SessionState.UNBINDING);
            for (int i = 0; i < 10; i++) {
                held.get(i).complete(heldRequests.get(i).response("m-" + i));
            }
            for (int i = 0; i < 10; i++) {
                SubmitSmResp resp = assertInstanceOf(SubmitSmResp.class, peer.read(), "answer " + i);
                assertEquals(10 + i, resp.sequenceNumber());
                assertEquals("m-" + i, resp.messageId());
            }
            assertEquals(99, assertInstanceOf(UnbindResp.class, peer.read()).sequenceNumber());
            assertTrue(peer.endsWithoutAnotherPdu());
        }
    }

    @Test
    void anUnbindWhoseOwedAnswersNeverComeIsAnsweredAfterTheUnbindTimeout() throws Exception {
        start(SmppServerConfig.defaults().withSession(SessionConfig.defaults()
                .withUnbindTimeout(Duration.ofMillis(300))));
        try (RawPeer peer = boundPeer("127.0.0.1")) {
            peer.send(submit(2));
            awaitCondition(() -> held.size() == 1);
            peer.send(new Unbind(3));
            assertEquals(3, assertInstanceOf(UnbindResp.class, peer.read()).sequenceNumber());
            assertTrue(peer.endsWithoutAnotherPdu());
        }
    }

    @Test
    void ourUnbindLetsTheAnswersWeOweGoOutBeforeClosing() throws Exception {
        start();
        try (RawPeer peer = boundPeer("127.0.0.1")) {
            for (int i = 0; i < 3; i++) {
                peer.send(submit(10 + i));
            }
            awaitCondition(() -> held.size() == 3);
            CompletableFuture<Void> unbound = server.unbindAccount(1);
            Unbind unbind = assertInstanceOf(Unbind.class, peer.read());
            peer.send(unbind.response());
            SmppSession session = sessionFrom(peer.socket().getLocalPort());
            assertEquals(SessionState.UNBINDING, session.state());
            for (int i = 0; i < 3; i++) {
                held.get(i).complete(heldRequests.get(i).response("m-" + i));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("m-" + i, assertInstanceOf(SubmitSmResp.class, peer.read()).messageId());
            }
            assertTrue(peer.endsWithoutAnotherPdu());
            unbound.get(10, TimeUnit.SECONDS);
        }
    }

    // ---- logs ----

    @Test
    void aFloodOfInvalidPdusWritesAFewLogLinesAndAForgedSystemIdNone() throws Exception {
        start();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RawPeer peer = boundPeer("127.0.0.1")) {
            ByteArrayOutputStream garbage = new ByteArrayOutputStream();
            for (int i = 0; i < 2000; i++) {
                // command id 0x00000099 is no SMPP command
                garbage.write(java.util.HexFormat.of().parseHex(String.format("000000100000009900000000%08x", i + 2)));
            }
            peer.sendBytes(garbage.toByteArray());
            for (int i = 0; i < 2000; i++) {
                assertInstanceOf(GenericNack.class, peer.read());
            }
            try (RawPeer forger = RawPeer.connect(server.port(), "127.0.0.9")) {
                forger.send(RawPeer.bind(BindType.TRANSCEIVER, 1, "x\nFORGED admin", "pw"));
                forger.read();
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        long invalidLines = log.lines().filter(line -> line.contains("invalid PDU")).count();
        assertTrue(invalidLines <= 5, invalidLines + " log lines for 2000 invalid PDUs");
        assertTrue(invalidLines >= 1, "the invalid PDUs were not logged at all");
        assertTrue(log.lines().noneMatch(line -> line.startsWith("FORGED")), "a peer forged a log line");
        assertTrue(log.contains("x\\nFORGED"), "the refused bind's system_id is in the log, escaped");
    }
}
