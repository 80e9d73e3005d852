package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.client.GatewayClientTest.awaitBound;
import static io.smppgateway.smpp.client.GatewayClientTest.bound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.simulator.MessageIdStyle;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gateway's client side over real sockets against the SMSC simulator. */
class GatewayClientSimulatorTest {

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();
    private final BlockingQueue<DeliverSm> receipts = new LinkedBlockingQueue<>();
    private final RequestHandler collect = (session, request) -> {
        DeliverSm deliver = (DeliverSm) request;
        receipts.add(deliver);
        return CompletableFuture.completedFuture(deliver.response(""));
    };
    private SmscSimulator simulator;

    @AfterEach
    void stopAll() {
        clients.forEach(GatewayClient::close);
        connector.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    private SmscSimulator simulate(SimulatorConfig config) {
        simulator = SmscSimulator.start(config);
        return simulator;
    }

    private GatewayConfig.Builder gateway() {
        return GatewayConfig.builder("sim", "127.0.0.1", simulator.port())
                .credentials("esme", "pw")
                .reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                .responseTimeout(Duration.ofSeconds(10));
    }

    private GatewayClient start(GatewayConfig config) {
        GatewayClient client = GatewayClient.start(config, connector, collect, PduListener.NONE);
        clients.add(client);
        return client;
    }

    private static SubmitSm submit(String text, int registeredDelivery) {
        return SubmitSm.builder().source(0, 0, "Shop").destination(0, 0, "+380991234567")
                .registeredDelivery(registeredDelivery)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private DeliverSm nextReceipt() throws InterruptedException {
        DeliverSm receipt = receipts.poll(15, TimeUnit.SECONDS);
        if (receipt == null) {
            throw new AssertionError("no receipt within 15 s");
        }
        return receipt;
    }

    private static DeliveryReceipt text(DeliverSm receipt) {
        return DeliveryReceipt.parse(new String(receipt.shortMessage().toByteArray(), StandardCharsets.ISO_8859_1))
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(InterfaceVersion.class)
    void submitsAndTheirReceiptsEndToEndOverEveryBindType(InterfaceVersion version) throws Exception {
        simulate(SimulatorConfig.defaults().withReceiptDelay(Duration.ofMillis(20))
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
        GatewayClient client = start(gateway().version(version).binds(1, 1, 1).windowSize(5).build());
        awaitBound(client, 3);
        Set<String> messageIds = new HashSet<>();
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(client.submit(submit("message " + i, 1)));
        }
        for (CompletableFuture<SubmitSmResp> future : sent) {
            SubmitSmResp resp = result(future);
            assertEquals(0, resp.commandStatus());
            messageIds.add(resp.messageId());
        }
        Set<String> receipted = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            DeliverSm receipt = nextReceipt();
            assertEquals(0x04, receipt.esmClass());
            // The receipt goes back to the sender: the TON/NPI the gateway detected come back with it.
            assertEquals(new Address(5, 0, "Shop"), receipt.destination());
            assertEquals(new Address(1, 1, "380991234567"), receipt.source());
            assertEquals("DELIVRD", text(receipt).stat());
            assertEquals(version.supportsTlvs(), receipt.tlvs().contains(TlvTag.RECEIPTED_MESSAGE_ID));
            receipted.add(text(receipt).id());
        }
        assertEquals(messageIds, receipted);
        until("every receipt is acknowledged", () -> simulator.counters().receiptsAcknowledged() == 10);
    }

    @Test
    void aRefusedBindBacksOffInsteadOfStormingAndNeverOpensASecondSocket() {
        simulate(SimulatorConfig.defaults().withCredentials(Map.of("esme", "right")));
        long started = System.nanoTime();
        GatewayClient client = start(gateway().binds(0, 0, 1).build());
        until("a second attempt", () -> simulator.counters().connections() >= 2);
        int mostSockets = 0;
        while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(2000)) {
            mostSockets = Math.max(mostSockets, simulator.sessions().size());
            Await.pause(5);
        }
        long attempts = simulator.counters().connections();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // With 100 ms doubling to 1 s, each delay at least half its step, attempt k (from 0) starts no
        // earlier than 0, 50, 150, 350, 750, 1250, 1750, 2250 ms: a slow machine only makes fewer.
        assertTrue(attempts <= mostAttemptsWithin(elapsedMillis),
                attempts + " attempts in " + elapsedMillis + " ms: more than the backoff allows");
        assertTrue(mostSockets <= 1, mostSockets + " sockets at once for one bind");
        assertEquals(attempts, simulator.counters().bindsRefused());
        assertEquals(0, bound(client));
        assertTrue(List.of("DIAL", "CLOSED").contains(client.connections().get(0).status()));
    }

    private static long mostAttemptsWithin(long elapsedMillis) {
        long attempts = 1;
        long earliest = 0;
        for (int failures = 1; ; failures++) {
            earliest += Math.min(100L << (failures - 1), 1000) / 2;
            if (earliest > elapsedMillis) {
                return attempts;
            }
            attempts++;
        }
    }

    @Test
    void updateRebindsWithTheNewSettingsOneSocketPerSlot() {
        simulate(SimulatorConfig.defaults().withCredentials(Map.of("first", "one", "second", "two")));
        GatewayClient client = start(gateway().credentials("first", "one").systemType("a").binds(0, 0, 1).build());
        awaitBound(client, 1);
        String before = client.connections().get(0).connectionId();

        result(client.update(client.config().toBuilder().credentials("second", "two").systemType("b")
                .binds(2, 0, 0).build()));
        awaitBound(client, 2);
        until("the simulator holds only the new binds",
                () -> simulator.sessions().size() == 2
                        && simulator.sessions().stream().allMatch(s -> s.systemId().equals("second")));
        List<GatewayConnection> connections = client.connections();
        assertEquals(Set.of("BIND_TX"), connections.stream().map(GatewayConnection::bindType).collect(Collectors.toSet()));
        assertEquals(Set.of("b"), connections.stream().map(GatewayConnection::systemType).collect(Collectors.toSet()));
        assertFalse(connections.stream().anyMatch(c -> c.connectionId().equals(before)));
        assertEquals(3, simulator.counters().bindsAccepted());
        assertEquals(0, result(client.submit(submit("after", 0))).commandStatus());

        // TON/NPI rules apply to the next message without touching the binds.
        Set<String> ids = connections.stream().map(GatewayConnection::connectionId).collect(Collectors.toSet());
        result(client.update(client.config().toBuilder().source(NumberingRule.fixed(2, 1)).build()));
        assertEquals(ids, client.connections().stream().map(GatewayConnection::connectionId).collect(Collectors.toSet()));
        assertEquals(NumberingRule.fixed(2, 1), client.config().source());
    }

    @Test
    void aChangeOfTheNumberOfBindsKeepsTheBindsThatStay() {
        simulate(SimulatorConfig.defaults());
        GatewayClient client = start(gateway().binds(1, 0, 2).build());
        awaitBound(client, 3);
        Set<String> before = client.connections().stream().map(GatewayConnection::connectionId)
                .collect(Collectors.toSet());

        result(client.update(client.config().toBuilder().binds(2, 1, 1).build()));
        awaitBound(client, 4);
        until("the simulator holds the four binds", () -> simulator.sessions().size() == 4);
        List<GatewayConnection> after = client.connections();
        assertEquals(Map.of("BIND_TX", 2L, "BIND_RX", 1L, "BIND_TRX", 1L), after.stream()
                .collect(Collectors.groupingBy(GatewayConnection::bindType, Collectors.counting())));
        assertEquals(2, after.stream().filter(c -> before.contains(c.connectionId())).count(),
                "the transmitter and one transceiver kept their sessions");
        assertEquals(5, simulator.counters().bindsAccepted(), "two new binds, none redone");
        assertEquals(0, result(client.submit(submit("after resize", 0))).commandStatus());

        result(client.update(client.config().toBuilder().binds(0, 0, 1).build()));
        until("one bind left at the simulator", () -> simulator.sessions().size() == 1);
        awaitBound(client, 1);
        assertEquals(5, simulator.counters().bindsAccepted(), "shrinking opens nothing");
    }

    @Test
    void updatesInQuickSuccessionEndWithTheLastSettingsAndOneSocket() {
        simulate(SimulatorConfig.defaults().withCredentials(Map.of("first", "one", "second", "two", "third", "three")));
        GatewayClient client = start(gateway().credentials("first", "one").binds(0, 0, 1).build());
        awaitBound(client, 1);
        CompletableFuture<Void> toSecond = client.update(client.config().toBuilder().credentials("second", "two").build());
        CompletableFuture<Void> toThird = client.update(client.config().toBuilder().credentials("third", "three").build());
        result(toSecond);
        result(toThird);
        awaitBound(client, 1);
        until("only the last settings are bound",
                () -> simulator.sessions().size() == 1 && simulator.sessions().get(0).systemId().equals("third"));
        assertEquals(1, client.connections().size());
        assertEquals("third", client.config().systemId());
    }

    @Test
    void throttlingPausesTheBindAndRetriesInSubmitOrder() {
        simulate(SimulatorConfig.defaults().withThrottleEveryNth(3).withIdStyle(MessageIdStyle.DECIMAL));
        GatewayClient client = start(gateway().binds(1, 0, 0).windowSize(1).build());
        awaitBound(client, 1);
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(client.submit(submit("t" + i, 0)));
        }
        long previous = 0;
        for (CompletableFuture<SubmitSmResp> future : sent) {
            SubmitSmResp resp = result(future);
            assertEquals(0, resp.commandStatus());
            long id = Long.parseLong(resp.messageId());
            assertTrue(id > previous, "ids out of submit order: " + id + " after " + previous);
            previous = id;
        }
        assertTrue(simulator.counters().submitsThrottled() >= 4, simulator.counters().toString());
        assertEquals(10, simulator.counters().submitsAccepted());
    }

    @Test
    void theWindowIsNeverExceededOnAnyBind() {
        simulate(SimulatorConfig.defaults().withResponseLatency(Duration.ofMillis(20)));
        GatewayClient client = start(gateway().binds(2, 0, 1).windowSize(3).build());
        awaitBound(client, 3);
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            sent.add(client.submit(submit("w" + i, 0)));
        }
        sent.forEach(future -> assertEquals(0, result(future).commandStatus()));
        assertEquals(3, simulator.counters().maxUnansweredSubmits());
        assertEquals(90, simulator.counters().submitsAccepted());
    }

    @Test
    void submitsWaitWhileTheBindIsDownAndGoOutAfterTheRebind() {
        simulate(SimulatorConfig.defaults());
        GatewayClient client = start(gateway().binds(0, 0, 1)
                .reconnect(new ReconnectBackoff(Duration.ofMillis(600), Duration.ofSeconds(2))).build());
        awaitBound(client, 1);
        simulator.dropConnections();
        until("the gateway sees the drop", () -> bound(client) == 0);
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(client.submit(submit("q" + i, 0)));
        }
        sent.forEach(future -> assertEquals(0, result(future).commandStatus()));
        assertEquals(2, simulator.counters().bindsAccepted());
        assertEquals(5, simulator.counters().submitsAccepted());
        assertEquals(1, simulator.sessions().size());
    }
}
