package io.smppgateway.smpp.server;

import static io.smppgateway.smpp.server.TestEsmes.await;
import static io.smppgateway.smpp.server.TestEsmes.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.RequestNotSentException;
import io.smppgateway.smpp.session.SessionClosedException;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.session.SmppSession;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server over real sockets on 127.0.0.1, with our own ESME sessions as the peer. */
class SmppServerTest {

    private final TestEsmes accounts = new TestEsmes();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<CompletableFuture<SubmitSmResp>> heldSubmits = new CopyOnWriteArrayList<>();
    private final List<SubmitSm> heldRequests = new CopyOnWriteArrayList<>();
    private volatile boolean holdSubmits;
    private final List<BoundEsme> boundEvents = new CopyOnWriteArrayList<>();
    private SmppServer server;
    private SmppConnector connector;
    private final SessionConfig esmeConfig = SessionConfig.defaults().withResponseTimeout(Duration.ofSeconds(10));
    private final RequestHandler answerDeliveries = (session, request) -> request instanceof DeliverSm deliver
            ? CompletableFuture.completedFuture(deliver.response(""))
            : null;

    @BeforeEach
    void start() {
        accounts.add(1, "esme1", "secret", 3, 0);
        EsmeRequestHandler handler = (account, session, request) -> {
            if (request instanceof SubmitSm submit) {
                if (holdSubmits) {
                    CompletableFuture<SubmitSmResp> held = new CompletableFuture<>();
                    heldRequests.add(submit);
                    heldSubmits.add(held);
                    return held;
                }
                return CompletableFuture.completedFuture(submit.response(account.id() + "-" + ids.incrementAndGet()));
            }
            return null;
        };
        SmppServerConfig config = SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("gw");
        server = SmppServer.start(config, accounts, handler, PduListener.NONE, boundEvents::add);
        connector = new SmppConnector();
    }

    @AfterEach
    void stop() {
        connector.close();
        server.close();
    }

    private ChannelSession bindAs(BindType type, InterfaceVersion version, String systemId, String password) {
        return await(bind(connector, server.port(), type, version, systemId, password, esmeConfig, answerDeliveries));
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @ParameterizedTest
    @EnumSource(BindType.class)
    void bindsEveryTypeWithEveryVersion(BindType type) {
        for (InterfaceVersion version : InterfaceVersion.values()) {
            ChannelSession session = bindAs(type, version, "esme1", "secret");
            assertEquals(SessionState.boundAs(type), session.state());
            assertEquals(version, session.version());
            await(session.unbind());
        }
    }

    @Test
    void submitIsAnsweredWithTheHostsMessageId() {
        ChannelSession session = bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        SubmitSmResp resp = await(session.send(submit("hello")));
        assertEquals(0, resp.commandStatus());
        assertEquals("1-1", resp.messageId());
    }

    @Test
    void theBindListenerHearsOfEverySuccessfulBindOnceAndOfNoRefusedOne() {
        assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme1", "wrong"));
        assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "nobody", "secret"));
        bindAs(BindType.RECEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_5_0, "esme1", "secret");
        awaitCondition(() -> boundEvents.size() >= 2);

        assertEquals(2, boundEvents.size(), "one event per successful bind, none for the two refused ones");
        assertEquals(List.of(1L, 1L), boundEvents.stream().map(esme -> esme.account().id()).toList());
        assertEquals(2, boundEvents.stream().map(esme -> esme.session().id()).distinct().count());
        for (BoundEsme esme : boundEvents) {
            assertTrue(esme.session().state().isBound(), "the event comes once the session is bound");
        }
    }

    @Test
    void unknownSystemIdIsRefusedWithInvalidSystemId() {
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "nobody", "secret"));
        assertEquals(CommandStatus.ESME_RINVSYSID.value(), refused.commandStatus());
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme1", "wrong"));
        assertEquals(CommandStatus.ESME_RINVPASWD.value(), refused.commandStatus());
    }

    @Test
    void disabledAccountIsRefused() {
        accounts.put(new EsmeAccount(2, "off", "pw", false, List.of(), 1, 0));
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "off", "pw"));
        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refused.commandStatus());
    }

    @Test
    void addressOutsideTheAllowListIsRefusedAndInsideItIsAdmitted() {
        accounts.add(3, "fenced", "pw", 2, 0, "11.22.33.44", "55.66.77.88");
        accounts.add(4, "local", "pw", 2, 0, "11.22.33.44", "127.0.0.1");
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "fenced", "pw"));
        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refused.commandStatus());
        assertTrue(bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "local", "pw").state().isBound());
    }

    @Test
    void bindBeyondTheAccountsLimitIsRefused() {
        for (int i = 0; i < 3; i++) {
            bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        }
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret"));
        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refused.commandStatus());
        assertEquals(3, server.sessions().ofAccount(1).size());
    }

    @Test
    void aClosedBindFreesItsPlace() {
        List<ChannelSession> binds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            binds.add(bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret"));
        }
        await(binds.get(0).unbind());
        awaitCondition(() -> server.sessions().ofAccount(1).size() == 2);
        assertTrue(bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret").state().isBound());
    }

    @Test
    void submitsBeyondTheThroughputAreThrottled() {
        accounts.add(5, "slow", "pw", 1, 60, new String[0]);
        ChannelSession session = bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "slow", "pw");
        session.retryThrottled(false);
        CompletableFuture<SubmitSmResp> first = session.send(submit("one"));
        CompletableFuture<SubmitSmResp> second = session.send(submit("two"));
        assertEquals(0, await(first).commandStatus());
        assertEquals(CommandStatus.ESME_RTHROTTLED.value(), await(second).commandStatus());
    }

    @Test
    void receiverBindGetsDeliveriesAndNoReceiverIsAClearFailure() {
        DeliverSm receipt = DeliverSm.builder().source(1, 1, "380991234567").destination(5, 0, "Sender")
                .esmClass(0x04).shortMessage(Octets.wrap("id:1-1 stat:DELIVRD".getBytes(StandardCharsets.ISO_8859_1)))
                .build();
        bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        CompletionAssert.failsWith(NoReceiverException.class, server.deliver(1, receipt));
        assertFalse(server.sessions().hasReceiver(1));

        BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();
        RequestHandler collect = (session, request) -> {
            received.add((DeliverSm) request);
            return CompletableFuture.completedFuture(((DeliverSm) request).response(""));
        };
        await(bind(connector, server.port(), BindType.RECEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret",
                esmeConfig, collect));
        DeliverSmResp resp = await(server.deliver(1, receipt));
        assertEquals(0, resp.commandStatus());
        assertEquals(receipt.shortMessage(), received.poll().shortMessage());
    }

    @Test
    void smpp33BindResponseCarriesNoTlvAndNewerOnesCarryTheVersion() {
        ChannelSession v33 = bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_3, "esme1", "secret");
        assertEquals(InterfaceVersion.SMPP_3_3, v33.version());
        BindRequest bind = BindRequest.of(BindType.TRANSMITTER, 1, "esme1", "secret", "", InterfaceVersion.SMPP_5_0, Address.EMPTY);
        ChannelSession session = await(connector.connect("127.0.0.1", server.port(), null, Duration.ofSeconds(5),
                esmeConfig, answerDeliveries, PduListener.NONE));
        var resp = await(session.bind(bind));
        assertEquals(0x50L, resp.tlvs().intValue(TlvTag.SC_INTERFACE_VERSION).orElseThrow());
        assertEquals("gw", resp.systemId());
    }

    @Test
    void enquireLinkIsAnsweredInAnyState() {
        ChannelSession open = await(connector.connect("127.0.0.1", server.port(), null, Duration.ofSeconds(5),
                esmeConfig, answerDeliveries, PduListener.NONE));
        EnquireLinkResp resp = await(open.send(new EnquireLink(1)));
        assertEquals(0, resp.commandStatus());
    }

    @Test
    void submitBeforeBindIsRefusedLocally() {
        ChannelSession open = await(connector.connect("127.0.0.1", server.port(), null, Duration.ofSeconds(5),
                esmeConfig, answerDeliveries, PduListener.NONE));
        CompletionAssert.failsWith(RequestNotSentException.class, open.send(submit("early")));
    }

    @Test
    void rawPeerGetsProperErrorAnswers() throws Exception {
        PduDecoder decoder = new PduDecoder();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            // An unknown command id: generic_nack ESME_RINVCMDID with the same sequence number.
            out.write(java.util.HexFormat.of().parseHex("00000010000000990000000000000007"));
            GenericNack nack = assertInstanceOf(GenericNack.class, readPdu(in, decoder));
            assertEquals(CommandStatus.ESME_RINVCMDID.value(), nack.commandStatus());
            assertEquals(7, nack.sequenceNumber());
            // A submit before binding: submit_sm_resp ESME_RINVBNDSTS.
            out.write(PduEncoder.WITH_TLVS.toBytes(submit("x").withSequenceNumber(8)));
            PduResponse refused = (PduResponse) readPdu(in, decoder);
            assertEquals(CommandStatus.ESME_RINVBNDSTS.value(), refused.commandStatus());
            assertEquals(8, refused.sequenceNumber());
            // A broken command_length: generic_nack ESME_RINVCMDLEN, then the connection closes.
            out.write(java.util.HexFormat.of().parseHex("0000000400000004"));
            GenericNack framing = assertInstanceOf(GenericNack.class, readPdu(in, decoder));
            assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), framing.commandStatus());
            assertEquals(-1, in.read());
        }
    }

    private static Pdu readPdu(DataInputStream in, PduDecoder decoder) throws java.io.IOException {
        int length = in.readInt();
        byte[] pdu = new byte[length];
        java.nio.ByteBuffer.wrap(pdu).putInt(length);
        in.readFully(pdu, 4, length - 4);
        return decoder.decode(pdu);
    }

    @Test
    void unbindFromTheEsmeClosesBothSides() {
        ChannelSession session = bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        awaitCondition(() -> server.sessions().ofAccount(1).size() == 1);
        await(session.unbind());
        assertEquals(SessionState.CLOSED, session.state());
        awaitCondition(() -> server.sessions().ofAccount(1).isEmpty());
    }

    @Test
    void unbindFromTheServerClosesTheEsmesSessions() {
        ChannelSession first = bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        ChannelSession second = bindAs(BindType.RECEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        await(server.unbindAccount(1));
        await(first.closeFuture());
        await(second.closeFuture());
        assertTrue(server.sessions().ofAccount(1).isEmpty());
    }

    @Test
    void windowHoldsBackRequestsBeyondItsSize() {
        holdSubmits = true;
        ChannelSession session = await(bind(connector, server.port(), BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4,
                "esme1", "secret", esmeConfig.withWindowSize(2), answerDeliveries));
        List<CompletableFuture<SubmitSmResp>> sent = List.of(session.send(submit("1")), session.send(submit("2")),
                session.send(submit("3")));
        awaitCondition(() -> heldSubmits.size() == 2);
        assertEquals(2, session.inflightCount());
        assertEquals(1, session.queueCount());
        heldSubmits.get(0).complete(heldRequests.get(0).response("x"));
        assertEquals("x", await(sent.get(0)).messageId());
        awaitCondition(() -> heldSubmits.size() == 3);
        assertFalse(sent.get(2).isDone());
    }

    @Test
    void peerVanishingMidWindowFailsTheRequestsInFlightDistinctly() {
        holdSubmits = true;
        ChannelSession session = bindAs(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        CompletableFuture<SubmitSmResp> inFlight = session.send(submit("lost?"));
        awaitCondition(() -> heldSubmits.size() == 1);
        server.sessions().ofAccount(1).get(0).session().close();
        CompletionAssert.failsWith(SessionClosedException.class, inFlight);
    }

    @Test
    void serverCloseUnbindsEveryEsme() {
        ChannelSession session = bindAs(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme1", "secret");
        server.close();
        await(session.closeFuture());
        assertEquals(SessionState.CLOSED, session.state());
    }

    static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Assertions on futures that must fail. */
    static final class CompletionAssert {
        static void failsWith(Class<? extends Throwable> type, CompletableFuture<?> future) {
            assertThrows(type, () -> await(future));
        }
    }

}
