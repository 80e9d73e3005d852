package io.smppgateway.smpp.interop.session;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayConfig;
import io.smppgateway.smpp.client.ReconnectBackoff;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.interop.session.ForeignSmsc.ForeignSubmit;
import io.smppgateway.smpp.interop.session.GatewayServerFixture.Exchanged;
import io.smppgateway.smpp.interop.session.SampleMessages.Part;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.text.ConcatenationMethod;
import io.smppgateway.smpp.text.EncodingChooser;
import io.smppgateway.smpp.text.Gsm7Packing;
import io.smppgateway.smpp.text.MessageSplitter;
import io.smppgateway.smpp.text.Segment;
import io.smppgateway.smpp.text.SplitMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client side (GatewayClient, and SmppConnector for one session) against an SMSC built with
 * another library, over real sockets on 127.0.0.1. Each subclass names the library; the SMSC's
 * view of what we sent is read with that library and decoded by hand, not by our text package.
 */
abstract class GatewayClientInteropContract {

    static final String SYSTEM_ID = "gwclient";
    static final String PASSWORD = "pw123";

    private static final String LONG_UCS2_TEXT = (SampleMessages.UCS2_TEXT + " ").repeat(5).trim();

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();
    private final BlockingQueue<DeliverSm> deliveries = new LinkedBlockingQueue<>();
    private final List<Exchanged> exchanged = new CopyOnWriteArrayList<>();
    private final RequestHandler collectDeliveries = (session, request) -> {
        if (request instanceof DeliverSm deliverSm) {
            deliveries.add(deliverSm);
            return CompletableFuture.completedFuture(deliverSm.response(""));
        }
        return null;
    };
    private final PduListener recorder = (session, direction, pdu, octets) -> {
        if (pdu != null) {
            exchanged.add(new Exchanged(direction, pdu.commandId()));
        }
    };
    private ForeignSmsc smsc;
    private int nextReference = 0x41;

    protected abstract ForeignSmsc startSmsc(String systemId, String password) throws Exception;

    @BeforeEach
    void startSmsc() throws Exception {
        smsc = startSmsc(SYSTEM_ID, PASSWORD);
    }

    @AfterEach
    void stopAll() {
        clients.forEach(GatewayClient::close);
        connector.close();
        smsc.close();
    }

    private GatewayConfig.Builder gateway() {
        return GatewayConfig.builder("foreign", "127.0.0.1", smsc.port())
                .credentials(SYSTEM_ID, PASSWORD)
                .reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                .responseTimeout(Duration.ofSeconds(10));
    }

    private GatewayClient start(GatewayConfig config) {
        GatewayClient client = GatewayClient.start(config, connector, collectDeliveries, recorder);
        clients.add(client);
        long binds = (long) config.txBinds() + config.rxBinds() + config.trxBinds();
        until(binds + " binds up, have " + client.connections(), () -> client.connections().stream()
                .filter(c -> c.status().startsWith("BOUND_")).count() == binds);
        return client;
    }

    /** Splits the text as the gateway does (GSM 7-bit when it can, UCS-2 otherwise) and submits every part. */
    private List<CompletableFuture<SubmitSmResp>> submitText(GatewayClient client, String text) {
        SplitMessage split = MessageSplitter.split(text,
                EncodingChooser.choose(text, true, ConcatenationMethod.UDH_8_BIT_REFERENCE), nextReference++,
                Gsm7Packing.UNPACKED);
        List<CompletableFuture<SubmitSmResp>> answers = new ArrayList<>();
        for (Segment segment : split.segments()) {
            answers.add(client.submit(SubmitSm.builder()
                    .source(0, 0, "MyShop")
                    .destination(0, 0, "380991234567")
                    .esmClass(segment.udhi() ? EsmClass.UDHI : 0)
                    .dataCoding(split.dataCoding().value())
                    .registeredDelivery(1)
                    .shortMessage(segment.shortMessage())
                    .build()));
        }
        return answers;
    }

    private SubmitSmResp submitOne(GatewayClient client, String text) {
        List<CompletableFuture<SubmitSmResp>> answers = submitText(client, text);
        assertEquals(1, answers.size());
        return result(answers.get(0));
    }

    private ChannelSession connect(BindType type, InterfaceVersion version, String password) {
        BindRequest bind = BindRequest.of(type, 1, SYSTEM_ID, password, "", version, Address.EMPTY);
        return result(connector.connectAndBind("127.0.0.1", smsc.port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults().withResponseTimeout(Duration.ofSeconds(10)), bind, collectDeliveries,
                recorder));
    }

    @Test
    void transmitterAndReceiverBindsAreBoundAsSuch() {
        start(gateway().binds(1, 1, 0).build());

        until("the SMSC sees both binds", () -> smsc.boundTypes().size() == 2);
        assertEquals(List.of("bind_receiver", "bind_transmitter"), smsc.boundTypes());
    }

    @Test
    void gsmTextIsAnsweredWithTheSmscsMessageId() {
        GatewayClient client = start(gateway().binds(0, 0, 1).build());

        SubmitSmResp resp = submitOne(client, SampleMessages.GSM_TEXT);

        ForeignSubmit seen = smsc.nextSubmit();
        assertEquals(0, resp.commandStatus());
        assertEquals(seen.answeredId(), resp.messageId());
        assertEquals(SampleMessages.GSM_TEXT, new String(seen.shortMessage(), StandardCharsets.US_ASCII));
        assertEquals(0, seen.dataCoding());
        assertEquals(0, seen.esmClass());
        assertEquals("MyShop", seen.source());
        assertEquals(5, seen.sourceTon());
        assertEquals("380991234567", seen.destination());
        assertEquals(1, seen.destinationTon());
    }

    @Test
    void unicodeTextGoesAsUcs2() {
        GatewayClient client = start(gateway().binds(0, 0, 1).build());

        SubmitSmResp resp = submitOne(client, SampleMessages.UCS2_TEXT);

        ForeignSubmit seen = smsc.nextSubmit();
        assertEquals(seen.answeredId(), resp.messageId());
        assertEquals(0x08, seen.dataCoding());
        assertArrayEquals(SampleMessages.ucs2(SampleMessages.UCS2_TEXT), seen.shortMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gsm", "ucs2"})
    void longTextGoesAsConcatenatedPartsEachAnsweredWithItsOwnId(String alphabet) {
        boolean ucs2 = alphabet.equals("ucs2");
        String text = ucs2 ? LONG_UCS2_TEXT : SampleMessages.LONG_TEXT;
        GatewayClient client = start(gateway().binds(0, 0, 1).windowSize(5).build());

        List<CompletableFuture<SubmitSmResp>> answers = submitText(client, text);

        assertTrue(answers.size() > 1, "the text must need several parts");
        // The SMSC may work on the parts of the window in any order (jsmpp does, on a thread pool):
        // match each answer to the submit the SMSC gave that id.
        Map<String, ForeignSubmit> seenById = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            ForeignSubmit seen = smsc.nextSubmit();
            seenById.put(seen.answeredId(), seen);
        }
        Set<Integer> references = new HashSet<>();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            SubmitSmResp resp = result(answers.get(i));
            ForeignSubmit seen = seenById.get(resp.messageId());
            assertEquals(EsmClass.UDHI, seen.esmClass() & EsmClass.UDHI);
            assertEquals(ucs2 ? 0x08 : 0x00, seen.dataCoding());
            Part part = Part.read(seen.shortMessage(), ucs2);
            assertEquals(answers.size(), part.total());
            assertEquals(i + 1, part.number());
            references.add(part.reference());
            joined.append(part.text());
        }
        assertEquals(1, references.size());
        assertEquals(answers.size(), seenById.size());
        assertEquals(text, joined.toString());
    }

    @Test
    void receiptFromTheSmscReachesTheHostAndIsAnswered() throws Exception {
        GatewayClient client = start(gateway().binds(0, 0, 1).build());
        String messageId = submitOne(client, SampleMessages.GSM_TEXT).messageId();

        int answered = smsc.sendReceipt(messageId);

        assertEquals(0, answered);
        DeliverSm receipt = deliveries.poll(15, TimeUnit.SECONDS);
        assertTrue(EsmClass.isDeliveryReceipt(receipt.esmClass()));
        DeliveryReceipt parsed = DeliveryReceipt.parse(
                new String(receipt.shortMessage().toByteArray(), StandardCharsets.US_ASCII)).orElseThrow();
        assertEquals(messageId, parsed.id());
        assertEquals("DELIVRD", parsed.stat());
        assertEquals(messageId, receipt.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow());
        assertEquals(2L, receipt.tlvs().intValue(TlvTag.MESSAGE_STATE).orElseThrow());
    }

    @Test
    void throttledSubmitIsRetriedAndTheOrderIsKept() {
        GatewayClient client = start(gateway().binds(0, 0, 1).windowSize(1).build());
        smsc.throttleNext(1);

        List<CompletableFuture<SubmitSmResp>> answers = new ArrayList<>();
        for (String text : List.of("first", "second", "third")) {
            answers.addAll(submitText(client, text));
        }

        for (CompletableFuture<SubmitSmResp> answer : answers) {
            assertEquals(0, result(answer).commandStatus());
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ForeignSubmit submit = smsc.nextSubmit();
            seen.add(new String(submit.shortMessage(), StandardCharsets.US_ASCII)
                    + (submit.answeredStatus() == CommandStatus.ESME_RTHROTTLED.value() ? " (throttled)" : ""));
        }
        assertEquals(List.of("first (throttled)", "first", "second", "third"), seen);
    }

    @Test
    void enquireLinkIsAnsweredInBothDirections() throws Exception {
        ChannelSession session = connect(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, PASSWORD);

        assertEquals(0, result(session.send(new EnquireLink(0))).commandStatus());
        smsc.enquireLink();

        until("the SMSC's enquire_link answered", () -> exchanged.contains(
                new Exchanged(PduDirection.RECEIVED, CommandId.ENQUIRE_LINK))
                && exchanged.contains(new Exchanged(PduDirection.SENT, CommandId.ENQUIRE_LINK_RESP)));
        assertTrue(session.state().isBound());
    }

    @Test
    void connectorBindsWithSmpp33AndSubmits() {
        ChannelSession session = connect(BindType.TRANSMITTER, InterfaceVersion.SMPP_3_3, PASSWORD);

        SubmitSmResp resp = result(session.send(SubmitSm.builder().source(5, 0, "MyShop")
                .destination(1, 1, "380991234567").shortMessage(SampleMessages.ascii("hello 3.3")).build()));

        assertEquals(InterfaceVersion.SMPP_3_3, session.version());
        assertEquals(0, resp.commandStatus());
        assertEquals(smsc.nextSubmit().answeredId(), resp.messageId());
        assertEquals(List.of("bind_transmitter"), smsc.boundTypes());
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        BindRefusedException refused = assertThrows(BindRefusedException.class,
                () -> connect(BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, "wrong"));

        assertEquals(CommandStatus.ESME_RINVPASWD.value(), refused.commandStatus());
    }
}
