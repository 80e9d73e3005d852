package io.smppgateway.smpp.interop.session;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/** An SMSC on cloudhopper-smpp 5.0.9's {@link DefaultSmppServer}, the way its server example sets one up. */
final class CloudhopperSmsc implements ForeignSmsc {

    private static final long TIMEOUT_MILLIS = 10_000;

    private final String systemId;
    private final String password;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DefaultSmppServer server;
    private final Map<Long, SmppServerSession> bound = new ConcurrentHashMap<>();
    private final BlockingQueue<ForeignSubmit> submits = new LinkedBlockingQueue<>();
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(700);

    CloudhopperSmsc(String systemId, String password) throws Exception {
        this.systemId = systemId;
        this.password = password;
        SmppServerConfiguration config = new SmppServerConfiguration();
        config.setHost("127.0.0.1");
        config.setPort(0);
        config.setSystemId("cloudhopper");
        config.setDefaultRequestExpiryTimeout(TIMEOUT_MILLIS);
        config.setJmxEnabled(false);
        server = new DefaultSmppServer(config, new Binds(), executor);
        server.start();
    }

    @Override
    public int port() {
        // DefaultSmppServer keeps the channel it listens on to itself; port 0 needs its address.
        try {
            Field channel = DefaultSmppServer.class.getDeclaredField("serverChannel");
            channel.setAccessible(true);
            return ((InetSocketAddress) ((org.jboss.netty.channel.Channel) channel.get(server)).getLocalAddress())
                    .getPort();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the cloudhopper server's port", e);
        }
    }

    @Override
    public ForeignSubmit nextSubmit() {
        return JsmppSmsc.poll(submits);
    }

    @Override
    public void throttleNext(int count) {
        throttles.set(count);
    }

    @Override
    public List<String> boundTypes() {
        return bound.values().stream().map(session -> switch (session.getBindType()) {
            case TRANSMITTER -> "bind_transmitter";
            case RECEIVER -> "bind_receiver";
            case TRANSCEIVER -> "bind_transceiver";
        }).sorted().toList();
    }

    private SmppServerSession bound(boolean receiving) {
        return bound.values().stream()
                .filter(session -> !receiving || session.getBindType() != com.cloudhopper.smpp.SmppBindType.TRANSMITTER)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no suitable bind on the cloudhopper SMSC"));
    }

    @Override
    public int sendReceipt(String messageId) throws Exception {
        DateTime when = new DateTime(DateTimeZone.UTC);
        String text = new DeliveryReceipt(messageId, 1, 1, when, when, SmppConstants.STATE_DELIVERED, 0, "Hello")
                .toShortMessage();
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setSourceAddress(new Address((byte) 1, (byte) 1, "380991234567"));
        deliverSm.setDestAddress(new Address((byte) 5, (byte) 0, "MyShop"));
        deliverSm.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        deliverSm.setShortMessage(text.getBytes(StandardCharsets.US_ASCII));
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                (messageId + "\0").getBytes(StandardCharsets.US_ASCII)));
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {SmppConstants.STATE_DELIVERED}));
        var future = bound(true).sendRequestPdu(deliverSm, TIMEOUT_MILLIS, true);
        if (!future.await() || !future.isSuccess()) {
            throw new AssertionError("deliver_sm not answered: " + future.getCause());
        }
        return future.getResponse().getCommandStatus();
    }

    @Override
    public void enquireLink() throws Exception {
        int status = bound(false).enquireLink(new EnquireLink(), TIMEOUT_MILLIS).getCommandStatus();
        if (status != 0) {
            throw new AssertionError("enquire_link answered with status " + status);
        }
    }

    @Override
    public void close() {
        bound.values().forEach(session -> session.unbind(TIMEOUT_MILLIS));
        server.destroy();
        executor.shutdownNow();
    }

    /** Decides binds and gives each bound session the handler that answers submits. */
    private final class Binds implements SmppServerHandler {

        @Override
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration config, BaseBind bindRequest)
                throws SmppProcessingException {
            if (!systemId.equals(config.getSystemId())) {
                throw new SmppProcessingException(SmppConstants.STATUS_INVSYSID);
            }
            if (!password.equals(config.getPassword())) {
                throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
            }
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp preparedBindResponse) {
            session.serverReady(new Submits());
            bound.put(sessionId, session);
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            bound.remove(sessionId);
            session.destroy();
        }
    }

    /** Answers submits with the next id or, when told, ESME_RTHROTTLED; everything else with its plain response. */
    private final class Submits extends DefaultSmppSessionHandler {

        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (!(request instanceof SubmitSm submit)) {
                return request.createResponse();
            }
            boolean throttle = throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            SubmitSmResp resp = submit.createResponse();
            if (throttle) {
                resp.setCommandStatus(SmppConstants.STATUS_THROTTLED);
            } else {
                resp.setMessageId("c" + nextId.incrementAndGet());
            }
            submits.add(new ForeignSubmit(submit.getSourceAddress().getAddress(), submit.getSourceAddress().getTon(),
                    submit.getDestAddress().getAddress(), submit.getDestAddress().getTon(),
                    submit.getEsmClass() & 0xFF, submit.getDataCoding() & 0xFF, submit.getShortMessage(),
                    resp.getCommandStatus(), throttle ? "" : resp.getMessageId()));
            return resp;
        }
    }
}
