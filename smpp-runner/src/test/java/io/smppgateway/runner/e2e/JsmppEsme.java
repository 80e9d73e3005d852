package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * An ESME written with jsmpp 3.0.1 (an SMPP implementation independent of ours), bound to the
 * gateway's SMPP server with SMPP 3.4: it submits from {@link #SENDER} to {@link #RECEIVER} asking
 * for a receipt, and keeps every deliver_sm it receives, in order (jsmpp answers each with
 * deliver_sm_resp OK).
 */
final class JsmppEsme implements AutoCloseable {

    static final String SENDER = "MyShop";
    static final String RECEIVER = "380991234567";
    static final String SERVICE_TYPE = "e2e";

    private static final long TIMEOUT_MILLIS = 30_000;
    /**
     * jsmpp 3.0.1 may drop the unbind_resp when the peer closes the socket right after sending it (its
     * reader closes the session before the response is handed over), and then waits for it in vain.
     */
    private static final long UNBIND_TIMEOUT_MILLIS = 5_000;

    private final SMPPSession session = new SMPPSession();
    private final BlockingQueue<DeliverSm> deliveries = new LinkedBlockingQueue<>();

    private JsmppEsme() {
    }

    /** Connects and binds; fails with jsmpp's IOException when the gateway refuses. */
    static JsmppEsme bind(int port, BindType type, String systemId, String password, String systemType)
            throws IOException {
        return bind(port, type, systemId, password, systemType, TIMEOUT_MILLIS);
    }

    /** As {@link #bind(int, BindType, String, String, String)}, each answer awaited {@code timeoutMillis} at most. */
    static JsmppEsme bind(int port, BindType type, String systemId, String password, String systemType,
                          long timeoutMillis) throws IOException {
        JsmppEsme esme = new JsmppEsme();
        esme.session.setTransactionTimer(timeoutMillis);
        esme.session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                esme.deliveries.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                throw new UnsupportedOperationException("the gateway sends receipts as deliver_sm");
            }
        });
        try {
            esme.session.connectAndBind("127.0.0.1", port, new BindParameter(type, systemId, password, systemType,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null, InterfaceVersion.IF_34),
                    timeoutMillis);
        } catch (IOException | RuntimeException e) {
            esme.session.close();
            throw e;
        }
        return esme;
    }

    /**
     * Submits from {@link #SENDER} (alphanumeric, 5/0) to {@link #RECEIVER} (international, 1/1)
     * with registered_delivery 1 (a receipt for success and failure).
     *
     * @return the message_id of the submit_sm_resp
     */
    String submit(ESMClass esmClass, DataCoding dataCoding, byte[] shortMessage) throws Exception {
        return session.submitShortMessage(SERVICE_TYPE, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                SENDER, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, RECEIVER, esmClass, (byte) 0,
                (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                dataCoding, (byte) 0, shortMessage).getMessageId();
    }

    /** The next {@code count} deliver_sm, in the order they came; fails after 60 s without them. */
    List<DeliverSm> takeDeliveries(int count) throws InterruptedException {
        List<DeliverSm> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (taken.size() < count) {
            DeliverSm next = deliveries.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " deliver_sm within 60 s");
            }
            taken.add(next);
        }
        return taken;
    }

    /** deliver_sm that came and were not taken yet. */
    List<DeliverSm> untaken() {
        List<DeliverSm> rest = new ArrayList<>();
        deliveries.drainTo(rest);
        return rest;
    }

    /** The ESME's own port: the {@code remoteAddr} the gateway sees. */
    int localPort() {
        return session.getLocalPort();
    }

    SessionState state() {
        return session.getSessionState();
    }

    /** Sends unbind, waits for unbind_resp and closes the socket. */
    void unbind() {
        session.setTransactionTimer(UNBIND_TIMEOUT_MILLIS);
        session.unbindAndClose();
    }

    @Override
    public void close() {
        if (session.getSessionState().isBound()) {
            unbind();
        } else {
            session.close();
        }
    }
}
