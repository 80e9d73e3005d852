package io.smppgateway.smpp.interop.session;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.interop.session.GatewayServerFixture.PASSWORD;
import static io.smppgateway.smpp.interop.session.GatewayServerFixture.SYSTEM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppBindException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import io.smppgateway.smpp.interop.session.GatewayServerFixture.Received;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.text.Concatenation;
import io.smppgateway.smpp.text.DecodedMessage;
import io.smppgateway.smpp.text.InboundMessageDecoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cloudhopper-smpp 5.0.9's DefaultSmppClient as the ESME, our SmppServer as the SMSC, over real sockets. */
class CloudhopperEsmeInteropTest {

    private static final long TIMEOUT_MILLIS = 10_000;

    /** Characters of the GSM 7-bit default alphabet and its extension table that are not ASCII codes. */
    private static final String GSM_SPECIFIC_TEXT = "Grüße @ Zoé: 5€ {ok} [ß] ~ñ";

    private final GatewayServerFixture gateway = new GatewayServerFixture();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DefaultSmppClient client = new DefaultSmppClient(executor, 2);
    private final BlockingQueue<DeliverSm> deliveries = new LinkedBlockingQueue<>();
    private final List<SmppSession> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(SmppSession::destroy);
        client.destroy();
        executor.shutdownNow();
        gateway.close();
    }

    private SmppSessionConfiguration configuration(SmppBindType type, byte version, String password) {
        SmppSessionConfiguration config = new SmppSessionConfiguration();
        config.setType(type);
        config.setHost("127.0.0.1");
        config.setPort(gateway.port());
        config.setSystemId(SYSTEM_ID);
        config.setPassword(password);
        config.setInterfaceVersion(version);
        config.setConnectTimeout(TIMEOUT_MILLIS);
        config.setBindTimeout(TIMEOUT_MILLIS);
        config.setWindowSize(5);
        return config;
    }

    private SmppSession bind(SmppBindType type, byte version, String password) throws Exception {
        SmppSession session = client.bind(configuration(type, version, password), new DefaultSmppSessionHandler() {
            @Override
            public PduResponse firePduRequestReceived(PduRequest request) {
                if (request instanceof DeliverSm deliverSm) {
                    deliveries.add(deliverSm);
                }
                return request.createResponse();
            }
        });
        sessions.add(session);
        return session;
    }

    private static SubmitSm submitSm(int esmClass, int dataCoding, byte[] shortMessage) throws Exception {
        SubmitSm submit = new SubmitSm();
        submit.setSourceAddress(new Address((byte) 5, (byte) 0, "MyShop"));
        submit.setDestAddress(new Address((byte) 1, (byte) 1, "380991234567"));
        submit.setEsmClass((byte) esmClass);
        submit.setDataCoding((byte) dataCoding);
        submit.setRegisteredDelivery(SmppConstants.REGISTERED_DELIVERY_SMSC_RECEIPT_REQUESTED);
        submit.setShortMessage(shortMessage);
        return submit;
    }

    private static String submit(SmppSession session, int esmClass, int dataCoding, byte[] shortMessage)
            throws Exception {
        SubmitSmResp resp = session.submit(submitSm(esmClass, dataCoding, shortMessage), TIMEOUT_MILLIS);
        assertEquals(0, resp.getCommandStatus());
        return resp.getMessageId();
    }

    private static DecodedMessage decoded(io.smppgateway.smpp.pdu.SubmitSm submit) {
        return InboundMessageDecoder.decode(submit.shortMessage().toByteArray(), EsmClass.hasUdh(submit.esmClass()),
                submit.dataCoding());
    }

    @ParameterizedTest(name = "{0} with SMPP {1}")
    @CsvSource({"TRANSMITTER, 3.4", "RECEIVER, 3.4", "TRANSCEIVER, 3.4", "TRANSMITTER, 3.3", "RECEIVER, 3.3"})
    void bindsWithEachTypeAndVersionItSpeaksAndUnbindsCleanly(String type, String version) throws Exception {
        InterfaceVersion ours = InterfaceVersion.ofLabel(version);
        SmppSession session = bind(SmppBindType.valueOf(type), (byte) ours.value(), PASSWORD);

        assertTrue(session.isBound());
        assertEquals(ours.value(), session.getInterfaceVersion());
        var bind = gateway.onlyBind().session();
        assertEquals(SessionState.boundAs(BindType.valueOf(type)), bind.state());
        assertEquals(ours, bind.version());

        session.unbind(TIMEOUT_MILLIS);
        until("the server has dropped the bind", () -> gateway.binds().isEmpty());
        assertTrue(gateway.saw(PduDirection.RECEIVED, CommandId.UNBIND));
        assertTrue(gateway.saw(PduDirection.SENT, CommandId.UNBIND_RESP));
    }

    @Test
    void gsmTextEncodedByCloudhopperArrivesAsTheSameTextWithTheServersMessageId() throws Exception {
        SmppSession session = bind(SmppBindType.TRANSMITTER, SmppConstants.VERSION_3_4, PASSWORD);

        String messageId = submit(session, 0, SmppConstants.DATA_CODING_DEFAULT,
                CharsetUtil.encode(GSM_SPECIFIC_TEXT, CharsetUtil.CHARSET_GSM));

        Received received = gateway.nextSubmit();
        assertEquals(received.messageId(), messageId);
        assertEquals(GSM_SPECIFIC_TEXT, decoded(received.submit()).text());
        assertEquals("380991234567", received.submit().destination().address());
        assertEquals(1, received.submit().destination().ton());
    }

    @Test
    void ucs2SubmitArrivesAsTheSameText() throws Exception {
        SmppSession session = bind(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, PASSWORD);

        String messageId = submit(session, 0, SmppConstants.DATA_CODING_UCS2,
                CharsetUtil.encode(SampleMessages.UCS2_TEXT, CharsetUtil.CHARSET_UCS_2));

        Received received = gateway.nextSubmit();
        assertEquals(received.messageId(), messageId);
        assertEquals(SampleMessages.UCS2_TEXT, decoded(received.submit()).text());
    }

    @Test
    void multipartSubmitWithConcatenationUdhGetsOneIdPerPartAndJoinsBack() throws Exception {
        SmppSession session = bind(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, PASSWORD);
        List<byte[]> parts = SampleMessages.concatenatedParts(SampleMessages.LONG_TEXT, 0xd7);

        Set<String> answeredIds = new HashSet<>();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String messageId = submit(session, SmppConstants.ESM_CLASS_UDHI_MASK, SmppConstants.DATA_CODING_DEFAULT,
                    parts.get(i));
            Received received = gateway.nextSubmit();
            assertEquals(received.messageId(), messageId);
            answeredIds.add(messageId);
            DecodedMessage part = decoded(received.submit());
            assertEquals(new Concatenation(0xd7, parts.size(), i + 1), part.concatenation().orElseThrow());
            joined.append(part.text());
        }
        assertEquals(3, answeredIds.size());
        assertEquals(SampleMessages.LONG_TEXT, joined.toString());
    }

    @Test
    void receiptDeliverSmFromTheServerIsReadAndAnswered() throws Exception {
        SmppSession session = bind(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, PASSWORD);
        String messageId = submit(session, 0, SmppConstants.DATA_CODING_DEFAULT,
                SampleMessages.ascii(SampleMessages.GSM_TEXT));

        DeliverSmResp answer = result(gateway.deliver(SampleMessages.receiptFor(messageId)));

        assertEquals(0, answer.commandStatus());
        DeliverSm deliverSm = deliveries.poll(15, TimeUnit.SECONDS);
        assertEquals(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT, deliverSm.getEsmClass());
        DeliveryReceipt receipt = DeliveryReceipt.parseShortMessage(
                new String(deliverSm.getShortMessage(), java.nio.charset.StandardCharsets.US_ASCII), DateTimeZone.UTC);
        assertEquals(messageId, receipt.getMessageId());
        assertEquals(SmppConstants.STATE_DELIVERED, receipt.getState());
        assertEquals(messageId,
                deliverSm.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID).getValueAsString());
        assertEquals(SmppConstants.STATE_DELIVERED,
                deliverSm.getOptionalParameter(SmppConstants.TAG_MSG_STATE).getValueAsByte());
    }

    @Test
    void enquireLinkIsAnsweredInBothDirections() throws Exception {
        SmppSession session = bind(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, PASSWORD);

        assertEquals(0, session.enquireLink(new EnquireLink(), TIMEOUT_MILLIS).getCommandStatus());
        assertEquals(0, result(gateway.enquireLink()).commandStatus());

        assertTrue(gateway.saw(PduDirection.RECEIVED, CommandId.ENQUIRE_LINK));
        assertTrue(gateway.saw(PduDirection.SENT, CommandId.ENQUIRE_LINK_RESP));
        assertTrue(session.isBound());
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        SmppBindException refused = assertThrows(SmppBindException.class,
                () -> bind(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, "wrong"));

        assertEquals(SmppConstants.STATUS_INVPASWD, refused.getBindResponse().getCommandStatus());
        assertTrue(gateway.binds().isEmpty());
    }

    @Test
    void unknownSystemIdIsRefusedWithInvalidSystemId() {
        SmppSessionConfiguration config = configuration(SmppBindType.TRANSCEIVER, SmppConstants.VERSION_3_4, PASSWORD);
        config.setSystemId("nobody");

        SmppBindException refused = assertThrows(SmppBindException.class, () -> client.bind(config));

        assertEquals(SmppConstants.STATUS_INVSYSID, refused.getBindResponse().getCommandStatus());
    }
}
