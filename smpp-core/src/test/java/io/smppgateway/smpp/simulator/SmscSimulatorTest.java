package io.smppgateway.smpp.simulator;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.Await;
import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.receipt.MessageState;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator over real sockets, with plain ESME sessions as its peer. */
class SmscSimulatorTest {

    private final SmppConnector connector = new SmppConnector();
    private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
    private final RequestHandler collect = (session, request) -> {
        DeliverSm deliver = (DeliverSm) request;
        delivered.add(deliver);
        return CompletableFuture.completedFuture(deliver.response(""));
    };
    private SmscSimulator simulator;

    @AfterEach
    void stop() {
        connector.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    private SmscSimulator start(SimulatorConfig config) {
        simulator = SmscSimulator.start(config);
        return simulator;
    }

    private ChannelSession bind(BindType type, InterfaceVersion version, String systemId, String password) {
        return bind(type, version, systemId, password, SessionConfig.defaults());
    }

    private ChannelSession bind(BindType type, InterfaceVersion version, String systemId, String password,
                                SessionConfig config) {
        BindRequest bind = BindRequest.of(type, 1, systemId, password, "", version, Address.EMPTY);
        return result(connector.connectAndBind("127.0.0.1", simulator.port(), null, Duration.ofSeconds(5), config,
                bind, collect, PduListener.NONE));
    }

    private static SubmitSm submit(String text, int registeredDelivery) {
        return SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .registeredDelivery(registeredDelivery)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private DeliverSm nextDelivery() throws InterruptedException {
        DeliverSm deliver = delivered.poll(15, TimeUnit.SECONDS);
        if (deliver == null) {
            throw new AssertionError("no deliver_sm within 15 s");
        }
        return deliver;
    }

    @Test
    void anyCredentialsBindWhenNoneAreConfigured() {
        start(SimulatorConfig.defaults());
        assertTrue(bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "anyone", "anything").state().isBound());
        assertTrue(bind(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "other", "").state().isBound());
        assertEquals(2, simulator.counters().bindsAccepted());
    }

    @Test
    void configuredCredentialsAreChecked() {
        start(SimulatorConfig.defaults().withCredentials(Map.of("esme", "secret")));
        assertEquals(CommandStatus.ESME_RINVPASWD.value(), assertThrows(BindRefusedException.class,
                () -> bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "wrong")).commandStatus());
        assertEquals(CommandStatus.ESME_RINVSYSID.value(), assertThrows(BindRefusedException.class,
                () -> bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "nobody", "secret")).commandStatus());
        assertTrue(bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "secret").state().isBound());
        assertEquals(2, simulator.counters().bindsRefused());
        assertEquals(1, simulator.counters().bindsAccepted());
        assertEquals(3, simulator.counters().connections());
    }

    @ParameterizedTest
    @EnumSource(MessageIdStyle.class)
    void submitIsAnsweredAndTheReceiptCarriesTheIdInTheStylesReceiptForm(MessageIdStyle style) throws Exception {
        start(SimulatorConfig.defaults().withIdStyle(style).withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        SubmitSmResp resp = result(session.send(submit("hello there", 1)));
        assertEquals(0, resp.commandStatus());
        DeliverSm receipt = nextDelivery();
        assertEquals(0x04, receipt.esmClass());
        assertEquals(new Address(1, 1, "380991234567"), receipt.source());
        assertEquals(new Address(5, 0, "Shop"), receipt.destination());
        DeliveryReceipt text = DeliveryReceipt.parse(new String(receipt.shortMessage().toByteArray(),
                StandardCharsets.ISO_8859_1)).orElseThrow();
        String receiptId = receipt.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow();
        assertEquals(text.id(), receiptId);
        assertEquals("DELIVRD", text.stat());
        assertEquals("000", text.err());
        assertEquals("hello there", text.text());
        assertEquals(1, text.submittedCount());
        assertEquals(1, text.deliveredCount());
        assertEquals(MessageState.DELIVERED.value(),
                receipt.tlvs().intValue(TlvTag.MESSAGE_STATE).orElseThrow().intValue());
        if (style == MessageIdStyle.HEX_THEN_DECIMAL) {
            assertNotEquals(resp.messageId(), receiptId);
            assertEquals(Long.parseLong(resp.messageId(), 16), Long.parseLong(receiptId));
        } else {
            assertEquals(resp.messageId(), receiptId);
        }
        until("the receipt is acknowledged", () -> simulator.counters().receiptsAcknowledged() == 1);
    }

    @Test
    void smpp33ReceiptsCarryNoTlvs() throws Exception {
        start(SimulatorConfig.defaults());
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_3, "esme", "pw");
        String id = result(session.send(submit("x", 1))).messageId();
        DeliverSm receipt = nextDelivery();
        assertTrue(receipt.tlvs().isEmpty());
        assertEquals(id, DeliveryReceipt.parse(new String(receipt.shortMessage().toByteArray(),
                StandardCharsets.ISO_8859_1)).orElseThrow().id());
    }

    @Test
    void receiptsFollowRegisteredDelivery() throws Exception {
        start(SimulatorConfig.defaults().withReceiptDelay(Duration.ZERO)
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        result(session.send(submit("none", 0)));
        result(session.send(submit("failure only", 2)));
        String wanted = result(session.send(submit("always", 1))).messageId();
        // Receipts go out in order on one event loop: the first to arrive is the only one asked for.
        assertEquals(wanted, nextDelivery().tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow());
        assertEquals(3, simulator.counters().submitsAccepted());
        assertEquals(1, simulator.counters().receiptsSent());
    }

    @Test
    void failureOnlyReceiptsComeForFailures() throws Exception {
        start(SimulatorConfig.defaults().withOutcomes(ReceiptOutcomes.always(FinalStatus.REJECTED)));
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        result(session.send(submit("bad", 2)));
        DeliverSm receipt = nextDelivery();
        DeliveryReceipt text = DeliveryReceipt.parse(new String(receipt.shortMessage().toByteArray(),
                StandardCharsets.ISO_8859_1)).orElseThrow();
        assertEquals("REJECTD", text.stat());
        assertEquals(0, text.deliveredCount());
        assertEquals(MessageState.REJECTED.value(), receipt.tlvs().intValue(TlvTag.MESSAGE_STATE).orElseThrow().intValue());
    }

    @Test
    void outcomeMixGivesEveryWeightedStatus() throws Exception {
        start(SimulatorConfig.defaults().withReceiptDelay(Duration.ZERO)
                .withOutcomes(ReceiptOutcomes.parse("DELIVRD=1,UNDELIV=1")));
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw",
                SessionConfig.defaults().withWindowSize(20));
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(session.send(submit("m" + i, 1)));
        }
        sent.forEach(Await::result);
        int deliveredCount = 0;
        int undeliverable = 0;
        for (int i = 0; i < 200; i++) {
            String stat = DeliveryReceipt.parse(new String(nextDelivery().shortMessage().toByteArray(),
                    StandardCharsets.ISO_8859_1)).orElseThrow().stat();
            if (stat.equals("DELIVRD")) {
                deliveredCount++;
            } else if (stat.equals("UNDELIV")) {
                undeliverable++;
            }
        }
        // Half and half: the chance that either is missing from 200 draws is 2^-199.
        assertEquals(200, deliveredCount + undeliverable);
        assertTrue(deliveredCount > 0 && undeliverable > 0, deliveredCount + " delivered, " + undeliverable + " undeliverable");
    }

    @Test
    void receiptForATransmitterGoesToTheReceiverOfTheSameSystemIdAndWaitsForOne() throws Exception {
        start(SimulatorConfig.defaults().withReceiptDelay(Duration.ZERO));
        ChannelSession transmitter = bind(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        String id = result(transmitter.send(submit("held", 1))).messageId();
        until("the receipt waits", () -> simulator.counters().receiptsPending() == 1);
        bind(BindType.RECEIVER, InterfaceVersion.SMPP_3_4, "someone-else", "pw");
        bind(BindType.RECEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        assertEquals(id, nextDelivery().tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow());
        assertEquals(0, simulator.counters().receiptsPending());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void aReceiptAnsweredNotNowComesAgainAndOneRefusedDoesNot() throws Exception {
        start(SimulatorConfig.defaults().withReceiptDelay(Duration.ZERO)
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
        List<DeliverSm> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestHandler answers = (session, request) -> {
            DeliverSm deliver = (DeliverSm) request;
            received.add(deliver);
            String text = new String(deliver.shortMessage().toByteArray(), StandardCharsets.ISO_8859_1);
            long earlier = received.stream().filter(d -> d.tlvs().equals(deliver.tlvs())).count() - 1;
            int status = text.contains("text:later") && earlier == 0 ? CommandStatus.ESME_RX_T_APPN.value()
                    : text.contains("text:never") ? CommandStatus.ESME_RX_P_APPN.value() : 0;
            return CompletableFuture.completedFuture(status == 0 ? deliver.response("") : deliver.errorResponse(status));
        };
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        ChannelSession esme = result(connector.connectAndBind("127.0.0.1", simulator.port(), null,
                Duration.ofSeconds(5), SessionConfig.defaults(), bind, answers, PduListener.NONE));
        String later = result(esme.send(submit("later", 1))).messageId();
        String never = result(esme.send(submit("never", 1))).messageId();

        until("the refused receipt given up, the other acknowledged on its second time",
                () -> simulator.counters().receiptsFailed() == 1 && simulator.counters().receiptsAcknowledged() == 1);
        List<String> ids = received.stream()
                .map(d -> d.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow()).toList();
        assertEquals(2, ids.stream().filter(later::equals).count(), "'not now' (ESME_RX_T_APPN) is sent again once");
        assertEquals(1, ids.stream().filter(never::equals).count(), "a permanent refusal is not sent again");
        assertEquals(2, simulator.counters().receiptsSent(), "each receipt counted once in sent");
    }

    @Test
    void receiptsBeyondTheSessionsWindowAndQueueWaitInLineAndEachGoesOutOnce() throws Exception {
        SimulatorConfig defaults = SimulatorConfig.defaults();
        start(defaults.withReceiptDelay(Duration.ZERO).withServer(defaults.server().withSession(
                defaults.server().session().withWindowSize(2).withQueueCapacity(2))));
        List<CompletableFuture<PduResponse>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<DeliverSm> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestHandler slow = (session, request) -> {
            received.add((DeliverSm) request);
            CompletableFuture<PduResponse> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        };
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        ChannelSession esme = result(connector.connectAndBind("127.0.0.1", simulator.port(), null,
                Duration.ofSeconds(5), SessionConfig.defaults(), bind, slow, PduListener.NONE));
        for (int i = 0; i < 20; i++) {
            result(esme.send(submit("m" + i, 1)));
        }
        until("two receipts in the window, the rest waiting", () -> received.size() == 2
                && simulator.counters().receiptsPending() + received.size() + 2 >= 20);

        for (int answered = 0; answered < 20; answered++) {
            int index = answered;
            until("receipt " + (index + 1), () -> received.size() > index);
            ((CompletableFuture<PduResponse>) answers.get(index)).complete(received.get(index).response(""));
        }

        until("every receipt acknowledged", () -> simulator.counters().receiptsAcknowledged() == 20);
        assertEquals(20, received.size());
        assertEquals(20, received.stream().map(d -> d.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow())
                .distinct().count(), "each receipt once");
        assertEquals(20, simulator.counters().receiptsSent(), "a receipt that waited in line is sent once");
        assertEquals(0, simulator.counters().receiptsPending());
    }

    @Test
    void everyNthSubmitIsThrottled() {
        start(SimulatorConfig.defaults().withThrottleEveryNth(3));
        ChannelSession session = bind(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        session.retryThrottled(false);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(result(session.send(submit("t" + i, 0))).commandStatus());
        }
        int throttled = CommandStatus.ESME_RTHROTTLED.value();
        assertEquals(List.of(0, 0, throttled, 0, 0, throttled), statuses);
        assertEquals(2, simulator.counters().submitsThrottled());
        assertEquals(4, simulator.counters().submitsAccepted());
    }

    @Test
    void maxUnansweredSubmitsIsWhatTheWindowAllowed() {
        start(SimulatorConfig.defaults().withResponseLatency(Duration.ofMillis(30)));
        ChannelSession session = bind(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, "esme", "pw",
                SessionConfig.defaults().withWindowSize(4));
        List<CompletableFuture<SubmitSmResp>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(session.send(submit("w" + i, 0)));
        }
        sent.forEach(Await::result);
        assertEquals(4, simulator.counters().maxUnansweredSubmits());
    }

    @Test
    void moReachesAReceiverAndFailsWithoutOne() throws Exception {
        start(SimulatorConfig.defaults());
        DeliverSm mo = DeliverSm.builder().source(1, 1, "380991234567").destination(3, 0, "7575")
                .shortMessage("STOP".getBytes(StandardCharsets.ISO_8859_1)).build();
        assertThrows(IllegalStateException.class, () -> result(simulator.deliver("esme", mo)));
        bind(BindType.RECEIVER, InterfaceVersion.SMPP_5_0, "esme", "pw");
        assertEquals(0, result(simulator.deliver("esme", mo)).commandStatus());
        assertEquals(mo.shortMessage(), nextDelivery().shortMessage());
    }

    @Test
    void droppedConnectionsCloseWithoutUnbind() {
        start(SimulatorConfig.defaults());
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        simulator.dropConnections();
        result(session.closeFuture());
        until("the simulator forgets the session", () -> simulator.sessions().isEmpty());
    }

    @Test
    void closeUnbindsItsEsmes() {
        start(SimulatorConfig.defaults());
        ChannelSession session = bind(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "esme", "pw");
        simulator.close();
        result(session.closeFuture());
        assertFalse(session.state().isBound());
    }
}
