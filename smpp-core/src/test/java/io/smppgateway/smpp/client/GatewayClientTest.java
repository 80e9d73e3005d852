package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.failure;
import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.GatewayUnavailableException.Reason;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DataSmResp;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeRequestHandler;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionClosedException;
import io.smppgateway.smpp.session.SmppSession;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gateway's client side over real sockets against our own SmppServer as the SMSC. */
class GatewayClientTest {

    /** What the server received: the submit and the session it came on. */
    private record Received(SubmitSm submit, SmppSession session, CompletableFuture<SubmitSmResp> answer) {
    }

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<CommandId> serverReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean holdSubmits;
    private SmppServer server;

    @BeforeEach
    void startServer() {
        EsmeAccount account = new EsmeAccount(1, "esme", "pw", true, List.of(), 10, 0);
        EsmeRequestHandler handler = (owner, session, request) -> {
            if (!(request instanceof SubmitSm submit)) {
                return null;
            }
            CompletableFuture<SubmitSmResp> answer = holdSubmits
                    ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(submit.response("id-" + ids.incrementAndGet()));
            received.add(new Received(submit, session, answer));
            return answer;
        };
        PduListener listener = (session, direction, pdu, octets) -> {
            if (direction == PduDirection.RECEIVED && pdu != null) {
                serverReceived.add(pdu.commandId());
            }
        };
        server = SmppServer.start(SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("smsc"),
                systemId -> CompletableFuture.completedFuture(Optional.of(account).filter(a -> a.systemId().equals(systemId))),
                handler, listener);
    }

    @AfterEach
    void stopAll() {
        clients.forEach(GatewayClient::close);
        connector.close();
        server.close();
    }

    private GatewayConfig.Builder gateway() {
        return GatewayConfig.builder("smsc1", "127.0.0.1", server.port())
                .credentials("esme", "pw")
                .reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                .responseTimeout(Duration.ofSeconds(10));
    }

    private GatewayClient start(GatewayConfig config, RequestHandler inbound) {
        GatewayClient client = GatewayClient.start(config, connector, inbound, PduListener.NONE);
        clients.add(client);
        return client;
    }

    private GatewayClient start(GatewayConfig config) {
        return start(config, (session, request) -> null);
    }

    static long bound(GatewayClient client) {
        return client.connections().stream().filter(c -> c.status().startsWith("BOUND_")).count();
    }

    static void awaitBound(GatewayClient client, int count) {
        until(count + " binds of " + client.smscId() + " bound, have " + client.connections(),
                () -> bound(client) == count);
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(0, 0, "Shop").destination(0, 0, "+380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private Received nextReceived() throws InterruptedException {
        Received next = received.poll(15, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the server got no submit within 15 s");
        }
        return next;
    }

    @ParameterizedTest
    @EnumSource(InterfaceVersion.class)
    void bindsEveryTypeWithTheVersionAndShowsThemAsConnections(InterfaceVersion version) throws Exception {
        GatewayClient client = start(gateway().version(version).binds(1, 1, 1).systemType("sms").build());
        awaitBound(client, 3);
        until("the server sees three binds", () -> server.sessions().ofAccount(1).size() == 3);
        List<SmppSession> serverSide = server.sessions().ofAccount(1).stream().map(BoundEsme::session).toList();
        assertEquals(Set.of(BindType.values()), serverSide.stream().map(SmppSession::bindType).collect(Collectors.toSet()));
        serverSide.forEach(session -> assertEquals(version, session.version()));
        serverSide.forEach(session -> assertEquals("sms", session.systemType()));

        List<GatewayConnection> connections = client.connections();
        assertEquals(Set.of("BIND_TX/BOUND_TX", "BIND_RX/BOUND_RX", "BIND_TRX/BOUND_TRX"),
                connections.stream().map(c -> c.bindType() + "/" + c.status()).collect(Collectors.toSet()));
        Set<String> serverLocalEnds = serverSide.stream()
                .map(s -> s.remoteAddress().getAddress().getHostAddress() + ":" + s.remoteAddress().getPort())
                .collect(Collectors.toSet());
        for (GatewayConnection connection : connections) {
            assertEquals("smsc1", connection.smscId());
            assertEquals(connection.connectionId(), UUID.fromString(connection.connectionId()).toString());
            assertEquals("sms", connection.systemType());
            assertEquals("127.0.0.1:" + server.port(), connection.remoteAddr());
            assertTrue(serverLocalEnds.contains(connection.localAddr()), connection.localAddr() + " not in " + serverLocalEnds);
            assertEquals(0, connection.inflightCount());
            assertEquals(0, connection.queueCount());
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - connection.connected()) < 600);
        }

        assertEquals(0, result(client.submit(submit("hi"))).commandStatus());
        assertTrue(nextReceived().session().bindType().transmits());
    }

    @Test
    void submitsGoToTheLeastLoadedTransmittersAndWaitInTheQueueWhenAllAreFull() throws Exception {
        holdSubmits = true;
        GatewayClient client = start(gateway().binds(2, 1, 1).windowSize(1).build());
        awaitBound(client, 4);
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(client.submit(submit("m" + i)));
        }
        List<Received> held = List.of(nextReceived(), nextReceived(), nextReceived());
        assertEquals(3, held.stream().map(r -> r.session().id()).distinct().count(), "one per transmitting bind");
        held.forEach(r -> assertTrue(r.session().bindType().transmits()));
        until("the fourth waits in the gateway's queue", () -> client.queueCount() == 1);

        answerWithItsText(held.get(0));
        Received fourth = nextReceived();
        assertEquals(held.get(0).session().id(), fourth.session().id(), "the freed bind takes the queued submit");
        assertEquals("m3", textOf(fourth.submit()));
        assertEquals(0, client.queueCount());
        answerWithItsText(fourth);
        answerWithItsText(held.get(1));
        answerWithItsText(held.get(2));
        assertEquals(List.of("m0", "m1", "m2", "m3"), sent.stream().map(f -> result(f).messageId()).toList());
    }

    private static String textOf(SubmitSm submit) {
        return new String(submit.shortMessage().toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static void answerWithItsText(Received received) {
        received.answer().complete(received.submit().response(textOf(received.submit())));
    }

    @Test
    void numberingRulesSetTonAndNpi() throws Exception {
        GatewayClient detecting = start(gateway().build());
        result(detecting.submit(submit("auto")));
        SubmitSm auto = nextReceived().submit();
        assertEquals(new Address(5, 0, "Shop"), auto.source());
        assertEquals(new Address(1, 1, "380991234567"), auto.destination());

        result(detecting.update(detecting.config().toBuilder()
                .source(NumberingRule.fixed(1, 1)).destination(NumberingRule.fixed(2, 1)).build()));
        result(detecting.submit(submit("fixed")));
        SubmitSm fixed = nextReceived().submit();
        assertEquals(new Address(1, 1, "Shop"), fixed.source());
        assertEquals(new Address(2, 1, "+380991234567"), fixed.destination());
    }

    @Test
    void afterTheServerKillsTheConnectionInFlightSubmitsFailAndQueuedOnesGoOutAfterTheRebind() throws Exception {
        holdSubmits = true;
        GatewayClient client = start(gateway().binds(0, 0, 1).windowSize(2).build());
        awaitBound(client, 1);
        String firstConnection = client.connections().get(0).connectionId();
        CompletableFuture<SubmitSmResp> a = client.submit(submit("a"));
        CompletableFuture<SubmitSmResp> b = client.submit(submit("b"));
        CompletableFuture<SubmitSmResp> c = client.submit(submit("c"));
        SmppSession serverSide = nextReceived().session();
        nextReceived();
        until("c waits for room", () -> client.queueCount() == 1);

        holdSubmits = false;
        serverSide.close();
        failure(SessionClosedException.class, a);
        failure(SessionClosedException.class, b);
        assertEquals(0, result(c).commandStatus());
        Received resent = nextReceived();
        assertEquals("c", textOf(resent.submit()));
        assertNotEquals(serverSide.id(), resent.session().id());
        awaitBound(client, 1);
        assertNotEquals(firstConnection, client.connections().get(0).connectionId());
    }

    @Test
    void stopUnbindsEveryBindAndLaterSubmitsFailAsStopped() {
        GatewayClient client = start(gateway().binds(1, 1, 1).build());
        awaitBound(client, 3);
        until("the server sees three binds", () -> server.sessions().ofAccount(1).size() == 3);
        result(client.stop());
        until("the server has no binds left", () -> server.sessions().ofAccount(1).isEmpty());
        assertEquals(3, serverReceived.stream().filter(id -> id == CommandId.UNBIND).count());
        assertTrue(client.connections().isEmpty());
        assertTrue(client.isStopped());
        assertEquals(Reason.STOPPED, failure(GatewayUnavailableException.class, client.submit(submit("late"))).reason());
    }

    @Test
    void submitsQueueUpToTheCapacityWhileNothingIsBoundAndFailWhenStopped() throws Exception {
        int deadPort;
        try (ServerSocket free = new ServerSocket(0)) {
            deadPort = free.getLocalPort();
        }
        GatewayClient client = start(gateway().address("127.0.0.1", deadPort).queueCapacity(3).build());
        List<CompletableFuture<SubmitSmResp>> queued = List.of(client.submit(submit("1")), client.submit(submit("2")),
                client.submit(submit("3")));
        assertEquals(3, client.queueCount());
        assertEquals(Reason.QUEUE_FULL, failure(GatewayUnavailableException.class, client.submit(submit("4"))).reason());
        assertTrue(client.connections().stream().allMatch(c -> c.status().equals("DIAL") || c.status().equals("CLOSED")));
        assertEquals(Set.of(""), client.connections().stream().map(GatewayConnection::localAddr).collect(Collectors.toSet()));
        result(client.stop());
        for (CompletableFuture<SubmitSmResp> future : queued) {
            assertEquals(Reason.STOPPED, failure(GatewayUnavailableException.class, future).reason());
        }
        assertEquals(0, client.queueCount());
    }

    @Test
    void aGatewayWithoutTransmittersRefusesSubmits() {
        GatewayClient client = start(gateway().binds(0, 1, 0).build());
        assertEquals(Reason.NO_TRANSMITTER,
                failure(GatewayUnavailableException.class, client.submit(submit("x"))).reason());
    }

    @Test
    void deliverSmAndDataSmReachTheHostAndAreAnsweredWhenItsFutureCompletes() throws Exception {
        BlockingQueue<PduRequest<?>> inbound = new LinkedBlockingQueue<>();
        List<CompletableFuture<PduResponse>> answers = new CopyOnWriteArrayList<>();
        RequestHandler host = (session, request) -> {
            CompletableFuture<PduResponse> answer = new CompletableFuture<>();
            answers.add(answer);
            inbound.add(request);
            return answer;
        };
        GatewayClient client = start(gateway().binds(0, 1, 0).build(), host);
        awaitBound(client, 1);
        DeliverSm mo = DeliverSm.builder().source(1, 1, "380991234567").destination(3, 0, "7575")
                .shortMessage("STOP".getBytes(StandardCharsets.ISO_8859_1)).build();
        CompletableFuture<DeliverSmResp> moAnswer = server.deliver(1, mo);
        DeliverSm got = (DeliverSm) inbound.poll(15, TimeUnit.SECONDS);
        assertEquals(mo.shortMessage(), got.shortMessage());
        assertFalse(moAnswer.isDone(), "answered before the host's future completed");
        answers.get(0).complete(got.response(""));
        assertEquals(0, result(moAnswer).commandStatus());

        SmppSession serverSide = server.sessions().ofAccount(1).get(0).session();
        DataSm data = new DataSm(1, "", new Address(1, 1, "380991234567"), new Address(3, 0, "7575"), 0, 0, 0,
                Tlvs.of(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.of("HELP".getBytes(StandardCharsets.ISO_8859_1)))));
        CompletableFuture<DataSmResp> dataAnswer = serverSide.send(data);
        DataSm gotData = (DataSm) inbound.poll(15, TimeUnit.SECONDS);
        assertEquals(data.tlvs(), gotData.tlvs());
        answers.get(1).complete(gotData.response("mo-1"));
        assertEquals("mo-1", result(dataAnswer).messageId());
    }

    @Test
    void anIdleBindSendsEnquireLinkAtTheInterval() {
        GatewayClient client = start(gateway().binds(0, 1, 0).enquireLinkInterval(Duration.ofMillis(100)).build());
        awaitBound(client, 1);
        until("two enquire_link reach the server",
                () -> serverReceived.stream().filter(id -> id == CommandId.ENQUIRE_LINK).count() >= 2);
        assertEquals(1, bound(client));
    }

    @Test
    void submitsFromManyThreadsAllComplete() {
        GatewayClient client = start(gateway().binds(2, 0, 1).windowSize(5).build());
        awaitBound(client, 3);
        List<CompletableFuture<SubmitSmResp>> sent = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    sent.add(client.submit(submit(thread + "-" + i)));
                }
            });
            submitter.start();
            threads.add(submitter);
        }
        threads.forEach(thread -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Set<String> messageIds = new HashSet<>();
        sent.forEach(future -> messageIds.add(result(future).messageId()));
        assertEquals(400, messageIds.size());
        assertEquals(0, client.queueCount());
    }
}
