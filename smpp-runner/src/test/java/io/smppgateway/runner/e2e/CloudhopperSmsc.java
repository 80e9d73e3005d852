package io.smppgateway.runner.e2e;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.SmppProcessingException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC that is not ours: cloudhopper-smpp 5.0.9's {@link DefaultSmppServer}, as its server
 * example sets one up, with a handler that answers each submit_sm with its own message id and then
 * sends the delivery receipt as a deliver_sm (esm_class 0x04, the standard text, the
 * receipted_message_id and message_state TLVs) to a bound receiving session.
 *
 * <p>Ids come in two forms, as many SMSCs give them (LESSONS.md, receipt correlation): upper-case
 * hex in submit_sm_resp ({@code B2D05E001}), the same number in decimal in the receipt
 * ({@code 48000000001}). The outcome of each message is decided by its receiver.
 *
 * <p>Like a real SMSC it keeps a receipt until the ESME acknowledges it with status 0: one
 * answered with an error, not answered in time, or whose session closed is sent again, on any
 * receiving session bound then. It records every submit_sm it receives, with the session it came on.
 */
public final class CloudhopperSmsc implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CloudhopperSmsc.class);
    /** How long a deliver_sm may wait for its answer: well over the gateway's 5 s wait for an unknown receipt id. */
    private static final long REQUEST_TIMEOUT_MILLIS = 30_000;
    private static final long RECEIPT_DELAY_MILLIS = 20;
    private static final long RESEND_DELAY_MILLIS = 200;
    /** Numbers large enough that the hex form has letters and the decimal form cannot be read as hex. */
    private static final long FIRST_NUMBER = 48_000_000_000L;

    /** The final state a receipt reports, as SMPP message_state, and its {@code err:} value. */
    public record Outcome(byte messageState, int errCode) {

        public static Outcome delivered() {
            return new Outcome(SmppConstants.STATE_DELIVERED, 0);
        }

        public static Outcome undelivered(int errCode) {
            return new Outcome(SmppConstants.STATE_UNDELIVERABLE, errCode);
        }
    }

    /**
     * One submit_sm as received.
     *
     * @param sessionId   the cloudhopper session it came on
     * @param responseId  the id answered in submit_sm_resp (hex)
     * @param receiptId   the same message's id in its receipt (decimal)
     * @param udh         the user data header when esm_class has UDHI, else empty
     * @param text        the text after the header, decoded by data_coding (GSM 7-bit unpacked for 0)
     */
    public record Submission(long sessionId, String responseId, String receiptId, String sender, int senderTon,
                             String receiver, int esmClass, int dataCoding, int registeredDelivery, byte[] udh,
                             String text) {
    }

    /** One deliver_sm of a receipt: the submission it reports on, the session it went to, and whether that acknowledged it. */
    public record ReceiptAttempt(Submission submit, long sessionId, boolean acknowledged) {
    }

    private record Receipt(Submission submit, Outcome outcome, DateTime submitted) {
    }

    private final String systemId;
    private final String password;
    private final Function<String, Outcome> outcomeByReceiver;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService receiptThreads = Executors.newScheduledThreadPool(32);
    /** Expires requests nobody answered, so that a dead session's window does not hold them. */
    private final ScheduledExecutorService windowMonitor = Executors.newSingleThreadScheduledExecutor();
    private final DefaultSmppServer server;
    private final Map<Long, SmppServerSession> bound = new ConcurrentHashMap<>();
    private final Set<Long> everBound = ConcurrentHashMap.newKeySet();
    /** Each session's remote port: the ESME's end, the {@code localAddr} a gateway instance lists for its bind. */
    private final Map<Long, Integer> remotePorts = new ConcurrentHashMap<>();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final List<ReceiptAttempt> receiptAttempts = new CopyOnWriteArrayList<>();
    private final AtomicLong numbers = new AtomicLong(FIRST_NUMBER - 1);
    private final AtomicLong receiptsPlanned = new AtomicLong();
    private final AtomicLong receiptsAcknowledged = new AtomicLong();
    private final AtomicLong receiptsResent = new AtomicLong();
    private volatile boolean closing;

    static {
        // cloudhopper logs every PDU at INFO; the tests' output should show ours
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.cloudhopper"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private CloudhopperSmsc(String systemId, String password, Function<String, Outcome> outcomeByReceiver)
            throws Exception {
        this.systemId = systemId;
        this.password = password;
        this.outcomeByReceiver = outcomeByReceiver;
        SmppServerConfiguration config = new SmppServerConfiguration();
        config.setHost("127.0.0.1");
        config.setPort(0);
        config.setSystemId("cloudhopper");
        config.setDefaultWindowSize(100);
        config.setDefaultRequestExpiryTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setDefaultWindowWaitTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setDefaultWindowMonitorInterval(1_000);
        config.setJmxEnabled(false);
        server = new DefaultSmppServer(config, new Binds(), serverThreads, windowMonitor);
        server.start();
    }

    /** Listens on 127.0.0.1, a free port, for binds with these credentials. */
    public static CloudhopperSmsc start(String systemId, String password, Function<String, Outcome> outcomeByReceiver)
            throws Exception {
        return new CloudhopperSmsc(systemId, password, outcomeByReceiver);
    }

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

    /** Every submit_sm received so far, in order. */
    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    /** Every receipt deliver_sm sent so far, in order, with its outcome. */
    public List<ReceiptAttempt> receiptAttempts() {
        return List.copyOf(receiptAttempts);
    }

    /** How many submit_sm carried each text. */
    public Map<String, Integer> submitsByText() {
        Map<String, Integer> counts = new HashMap<>();
        submissions.forEach(s -> counts.merge(s.text(), 1, Integer::sum));
        return counts;
    }

    /** The sessions bound now. */
    public Set<Long> boundSessions() {
        return Set.copyOf(bound.keySet());
    }

    /** Every session that was ever bound. */
    public Set<Long> sessionsEverBound() {
        return Set.copyOf(everBound);
    }

    /** The sessions, bound now or before, whose ESME end was on one of {@code ports}. */
    public Set<Long> sessionsFromPorts(Set<Integer> ports) {
        return remotePorts.entrySet().stream().filter(e -> ports.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasReceiverBound() {
        return bound.values().stream().anyMatch(s -> s.isBound() && s.getBindType() != SmppBindType.TRANSMITTER);
    }

    /** Receipts the ESME answered with status 0. */
    public long receiptsAcknowledged() {
        return receiptsAcknowledged.get();
    }

    /** Receipts planned and not yet acknowledged: waiting for their delay, a receiver, or an answer. */
    public long receiptsPending() {
        return receiptsPlanned.get() - receiptsAcknowledged.get();
    }

    /** Receipts sent again because the first attempt was not acknowledged. */
    public long receiptsResent() {
        return receiptsResent.get();
    }

    private void planReceipt(Submission submit) {
        if ((submit.registeredDelivery() & 0x03) == 0) {
            return;
        }
        receiptsPlanned.incrementAndGet();
        Receipt receipt = new Receipt(submit, outcomeByReceiver.apply(submit.receiver()), new DateTime(DateTimeZone.UTC));
        receiptThreads.schedule(() -> deliver(receipt), RECEIPT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends one receipt and waits for its answer (on a receipt thread); anything but OK sends it again later. */
    private void deliver(Receipt receipt) {
        if (closing) {
            return;
        }
        Receiver receiver = receiverFor(receipt.submit().sessionId());
        SmppServerSession target = receiver == null ? null : receiver.session();
        boolean acknowledged = false;
        String failure = "no receiver bound";
        if (target != null) {
            try {
                var future = target.sendRequestPdu(receiptPdu(receipt), REQUEST_TIMEOUT_MILLIS, true);
                if (!awaitAnswer(future, target)) {
                    future.cancel();
                    failure = target.isBound() ? "no answer within " + REQUEST_TIMEOUT_MILLIS + " ms" : "session closed";
                } else if (!future.isSuccess()) {
                    failure = String.valueOf(future.getCause());
                } else {
                    acknowledged = future.getResponse().getCommandStatus() == 0;
                    failure = "status " + future.getResponse().getCommandStatus();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure = e.toString();
            }
        }
        if (target != null) {
            receiptAttempts.add(new ReceiptAttempt(receipt.submit(), receiver.sessionId(), acknowledged));
        }
        if (acknowledged) {
            receiptsAcknowledged.incrementAndGet();
        } else if (!closing) {
            if (target != null) {
                receiptsResent.incrementAndGet();
                log.info("receipt {} not acknowledged ({}): sending it again", receipt.submit().receiptId(), failure);
            }
            receiptThreads.schedule(() -> deliver(receipt), RESEND_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Waits for the answer while the session stays bound. (The future's own await() waits for the
     * window's offer timeout rather than the request's, and a closed session may never complete it.)
     */
    private static boolean awaitAnswer(WindowFuture<Integer, PduRequest, PduResponse> future, SmppServerSession session)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REQUEST_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline && session.isBound()) {
            if (future.await(100)) {
                return true;
            }
        }
        return future.isDone();
    }

    /** A bound session that can take receipts, by its cloudhopper id. */
    private record Receiver(long sessionId, SmppServerSession session) {
    }

    private Receiver receiverFor(long preferredSessionId) {
        SmppServerSession origin = bound.get(preferredSessionId);
        if (origin != null && origin.isBound() && origin.getBindType() != SmppBindType.TRANSMITTER) {
            return new Receiver(preferredSessionId, origin);
        }
        return bound.entrySet().stream()
                .filter(e -> e.getValue().isBound() && e.getValue().getBindType() != SmppBindType.TRANSMITTER)
                .findFirst().map(e -> new Receiver(e.getKey(), e.getValue())).orElse(null);
    }

    private static DeliverSm receiptPdu(Receipt receipt) throws Exception {
        Submission submit = receipt.submit();
        Outcome outcome = receipt.outcome();
        DateTime done = new DateTime(DateTimeZone.UTC);
        int delivered = outcome.messageState() == SmppConstants.STATE_DELIVERED ? 1 : 0;
        String text = new DeliveryReceipt(submit.receiptId(), 1, delivered, receipt.submitted(), done,
                outcome.messageState(), outcome.errCode(), "").toShortMessage();
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setSourceAddress(new com.cloudhopper.smpp.type.Address((byte) 1, (byte) 1, submit.receiver()));
        deliverSm.setDestAddress(new com.cloudhopper.smpp.type.Address((byte) submit.senderTon(), (byte) 0,
                submit.sender()));
        deliverSm.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        deliverSm.setShortMessage(text.getBytes(StandardCharsets.US_ASCII));
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID,
                (submit.receiptId() + "\0").getBytes(StandardCharsets.US_ASCII)));
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {outcome.messageState()}));
        return deliverSm;
    }

    @Override
    public void close() {
        closing = true;
        receiptThreads.shutdownNow();
        bound.values().forEach(session -> session.unbind(1_000));
        server.destroy();
        serverThreads.shutdownNow();
        windowMonitor.shutdownNow();
    }

    /** Checks the credentials and gives each bound session the handler that answers submits. */
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
            session.serverReady(new Submits(sessionId));
            if (session instanceof DefaultSmppSession channelSession
                    && channelSession.getChannel().getRemoteAddress() instanceof InetSocketAddress remote) {
                remotePorts.put(sessionId, remote.getPort());
            }
            bound.put(sessionId, session);
            everBound.add(sessionId);
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            bound.remove(sessionId);
            session.destroy();
        }
    }

    /** Answers submit_sm with the next id and plans its receipt; anything else with its plain response. */
    private final class Submits extends DefaultSmppSessionHandler {

        private final long sessionId;

        Submits(long sessionId) {
            this.sessionId = sessionId;
        }

        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (!(request instanceof SubmitSm submit)) {
                return request.createResponse();
            }
            long number = numbers.incrementAndGet();
            String responseId = Long.toHexString(number).toUpperCase(Locale.ROOT);
            byte[] octets = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
            boolean udhi = (submit.getEsmClass() & SmppConstants.ESM_CLASS_UDHI_MASK) != 0;
            int udhLength = udhi && octets.length > 0 ? (octets[0] & 0xFF) + 1 : 0;
            byte[] udh = Arrays.copyOfRange(octets, 0, udhLength);
            byte[] body = Arrays.copyOfRange(octets, udhLength, octets.length);
            Submission submission = new Submission(sessionId, responseId, Long.toString(number),
                    submit.getSourceAddress().getAddress(), submit.getSourceAddress().getTon(),
                    submit.getDestAddress().getAddress(), submit.getEsmClass() & 0xFF, submit.getDataCoding() & 0xFF,
                    submit.getRegisteredDelivery() & 0xFF, udh, decode(body, submit.getDataCoding() & 0xFF));
            submissions.add(submission);
            SubmitSmResp response = submit.createResponse();
            response.setMessageId(responseId);
            planReceipt(submission);
            return response;
        }
    }

    private static String decode(byte[] octets, int dataCoding) {
        return switch (dataCoding) {
            case 0 -> CharsetUtil.decode(octets, CharsetUtil.CHARSET_GSM);
            case 8 -> CharsetUtil.decode(octets, CharsetUtil.CHARSET_UCS_2);
            default -> new String(octets, StandardCharsets.ISO_8859_1);
        };
    }
}
