package io.smppgateway.smpp.interop.session;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.interop.session.GatewayServerFixture.PASSWORD;
import static io.smppgateway.smpp.interop.session.GatewayServerFixture.SERVER_SYSTEM_ID;
import static io.smppgateway.smpp.interop.session.GatewayServerFixture.SYSTEM_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.interop.session.GatewayServerFixture.Received;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.text.Concatenation;
import io.smppgateway.smpp.text.DecodedMessage;
import io.smppgateway.smpp.text.InboundMessageDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** jsmpp 3.0.1's SMPPSession as the ESME, our SmppServer as the SMSC, over real sockets on 127.0.0.1. */
class JsmppEsmeInteropTest {

    private static final long TIMEOUT_MILLIS = 10_000;

    private final GatewayServerFixture gateway = new GatewayServerFixture();
    private final BlockingQueue<DeliverSm> deliveries = new LinkedBlockingQueue<>();
    private final List<SMPPSession> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(SMPPSession::close);
        gateway.close();
    }

    private SMPPSession bind(BindType type, org.jsmpp.bean.InterfaceVersion version, String password)
            throws IOException {
        return bind(type, version, password, 60_000);
    }

    private SMPPSession bind(BindType type, org.jsmpp.bean.InterfaceVersion version, String password,
                             int enquireLinkMillis) throws IOException {
        SMPPSession session = new SMPPSession();
        sessions.add(session);
        session.setEnquireLinkTimer(enquireLinkMillis);
        session.setTransactionTimer(TIMEOUT_MILLIS);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                deliveries.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                throw new UnsupportedOperationException("no data_sm expected");
            }
        });
        String smscSystemId = session.connectAndBind("127.0.0.1", gateway.port(), new BindParameter(type, SYSTEM_ID,
                password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, version), TIMEOUT_MILLIS);
        assertEquals(SERVER_SYSTEM_ID, smscSystemId);
        return session;
    }

    private static String submit(SMPPSession session, ESMClass esmClass, DataCoding dataCoding, byte[] shortMessage)
            throws Exception {
        return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "MyShop",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380991234567", esmClass, (byte) 0, (byte) 0,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, dataCoding,
                (byte) 0, shortMessage).getMessageId();
    }

    private static DecodedMessage decoded(SubmitSm submit) {
        return InboundMessageDecoder.decode(submit.shortMessage().toByteArray(), EsmClass.hasUdh(submit.esmClass()),
                submit.dataCoding());
    }

    @ParameterizedTest(name = "{0} with SMPP {1}")
    @CsvSource({"BIND_TX, 3.4", "BIND_RX, 3.4", "BIND_TRX, 3.4", "BIND_TX, 3.3", "BIND_RX, 3.3"})
    void bindsWithEachTypeAndVersionItSpeaksAndUnbindsCleanly(String type, String version) throws IOException {
        InterfaceVersion ours = InterfaceVersion.ofLabel(version);
        SMPPSession session = bind(BindType.valueOf(type), org.jsmpp.bean.InterfaceVersion.valueOf(
                ours == InterfaceVersion.SMPP_3_3 ? "IF_33" : "IF_34"), PASSWORD);

        assertEquals(org.jsmpp.extra.SessionState.valueOf("BOUND_" + type.substring("BIND_".length())),
                session.getSessionState());
        var bind = gateway.onlyBind().session();
        assertEquals(SessionState.boundAs(io.smppgateway.smpp.pdu.BindType.valueOf(switch (type) {
            case "BIND_TX" -> "TRANSMITTER";
            case "BIND_RX" -> "RECEIVER";
            default -> "TRANSCEIVER";
        })), bind.state());
        assertEquals(ours, bind.version());

        session.unbindAndClose();
        until("the server has dropped the bind", () -> gateway.binds().isEmpty());
        assertTrue(gateway.saw(PduDirection.RECEIVED, CommandId.UNBIND));
        assertTrue(gateway.saw(PduDirection.SENT, CommandId.UNBIND_RESP));
    }

    @Test
    void gsmTextSubmitIsAnsweredWithTheServersMessageId() throws Exception {
        SMPPSession session = bind(BindType.BIND_TX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD);

        String messageId = submit(session, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                SampleMessages.ascii(SampleMessages.GSM_TEXT));

        Received received = gateway.nextSubmit();
        assertEquals(received.messageId(), messageId);
        assertEquals(SampleMessages.GSM_TEXT, decoded(received.submit()).text());
        assertEquals("MyShop", received.submit().source().address());
        assertEquals(5, received.submit().source().ton());
        assertEquals(1, received.submit().registeredDelivery());
    }

    @Test
    void ucs2SubmitArrivesAsTheSameText() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD);

        String messageId = submit(session, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                SampleMessages.ucs2(SampleMessages.UCS2_TEXT));

        Received received = gateway.nextSubmit();
        assertEquals(received.messageId(), messageId);
        assertEquals(0x08, received.submit().dataCoding());
        assertEquals(SampleMessages.UCS2_TEXT, decoded(received.submit()).text());
    }

    @Test
    void multipartSubmitWithConcatenationUdhGetsOneIdPerPartAndJoinsBack() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD);
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        List<byte[]> parts = SampleMessages.concatenatedParts(SampleMessages.LONG_TEXT, 0x2c);
        assertEquals(3, parts.size());

        Set<String> answeredIds = new HashSet<>();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String messageId = submit(session, udhi, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), parts.get(i));
            Received received = gateway.nextSubmit();
            assertEquals(received.messageId(), messageId);
            answeredIds.add(messageId);
            DecodedMessage part = decoded(received.submit());
            assertEquals(new Concatenation(0x2c, 3, i + 1), part.concatenation().orElseThrow());
            joined.append(part.text());
        }
        assertEquals(3, answeredIds.size());
        assertEquals(SampleMessages.LONG_TEXT, joined.toString());
    }

    @Test
    void receiptDeliverSmFromTheServerIsReadAndAnswered() throws Exception {
        SMPPSession session = bind(BindType.BIND_TRX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD);
        String messageId = submit(session, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                SampleMessages.ascii(SampleMessages.GSM_TEXT));

        DeliverSmResp answer = result(gateway.deliver(SampleMessages.receiptFor(messageId)));

        assertEquals(0, answer.commandStatus());
        DeliverSm deliverSm = deliveries.poll(15, TimeUnit.SECONDS);
        assertTrue(deliverSm.isSmscDeliveryReceipt());
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        assertEquals(messageId, receipt.getId());
        assertEquals(DeliveryReceiptState.DELIVRD, receipt.getFinalStatus());
        assertEquals(1, receipt.getDelivered());
        assertEquals(messageId,
                deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class).getValueAsString());
    }

    @Test
    void receiverBindGetsTheReceiptToo() throws Exception {
        bind(BindType.BIND_RX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD);

        DeliverSmResp answer = result(gateway.deliver(SampleMessages.receiptFor("5a77")));

        assertEquals(0, answer.commandStatus());
        assertEquals("5a77", deliveries.poll(15, TimeUnit.SECONDS).getShortMessageAsDeliveryReceipt().getId());
    }

    @Test
    void enquireLinkIsAnsweredInBothDirections() throws IOException {
        // jsmpp sends enquire_link only from its idle timer, which it sets up when it binds.
        SMPPSession session = bind(BindType.BIND_TRX, org.jsmpp.bean.InterfaceVersion.IF_34, PASSWORD, 200);

        assertEquals(0, result(gateway.enquireLink()).commandStatus());
        until("jsmpp's enquire_link answered by the server",
                () -> gateway.saw(PduDirection.RECEIVED, CommandId.ENQUIRE_LINK)
                        && gateway.saw(PduDirection.SENT, CommandId.ENQUIRE_LINK_RESP));
        assertEquals(org.jsmpp.extra.SessionState.BOUND_TRX, session.getSessionState());
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        IOException refused = assertThrows(IOException.class,
                () -> bind(BindType.BIND_TRX, org.jsmpp.bean.InterfaceVersion.IF_34, "wrong"));

        NegativeResponseException negative = assertInstanceOf(NegativeResponseException.class, refused.getCause());
        assertEquals(CommandStatus.ESME_RINVPASWD.value(), negative.getCommandStatus());
        assertTrue(gateway.binds().isEmpty());
    }
}
