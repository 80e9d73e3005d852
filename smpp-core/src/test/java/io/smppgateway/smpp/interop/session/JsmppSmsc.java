package io.smppgateway.smpp.interop.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on jsmpp 3.0.1's {@link SMPPServerSessionListener}: one thread accepts, each session
 * waits for its bind on a thread of its own, as jsmpp's examples do.
 */
final class JsmppSmsc implements ForeignSmsc {

    /** jsmpp sends enquire_link from an idle timer only; short, so that a test sees one soon, on every session. */
    private static final int ENQUIRE_LINK_MILLIS = 300;

    private final String systemId;
    private final String password;
    private final ServerSocket socket;
    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "jsmpp-smsc");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<SMPPServerSession, BindType> bound = new ConcurrentHashMap<>();
    private final BlockingQueue<ForeignSubmit> submits = new LinkedBlockingQueue<>();
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(900);
    private volatile boolean closed;

    JsmppSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        // jsmpp's listener does not say which port 0 picked: hand it a socket whose port we know.
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener = new SMPPServerSessionListener(0, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int port) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout) throws IOException {
                socket.setSoTimeout(timeout);
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
                return listen(port, timeout);
            }
        });
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("jsmpp SMSC stopped accepting", e);
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            session.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
            BindRequest request = session.waitForBind(10_000);
            if (!request.getSystemId().equals(systemId)) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!request.getPassword().equals(password)) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                InterfaceVersion theirs = request.getInterfaceVersion();
                request.accept("jsmpp", theirs == InterfaceVersion.IF_33 ? InterfaceVersion.IF_33 : InterfaceVersion.IF_34);
                bound.put(session, request.getBindType());
                session.addSessionStateListener((next, old, source) -> {
                    if (!next.isBound()) {
                        bound.remove(session);
                    }
                });
            }
        } catch (Exception e) {
            session.close();
        }
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public ForeignSubmit nextSubmit() {
        return poll(submits);
    }

    static ForeignSubmit poll(BlockingQueue<ForeignSubmit> submits) {
        try {
            ForeignSubmit next = submits.poll(15, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no submit_sm reached the SMSC within 15 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void throttleNext(int count) {
        throttles.set(count);
    }

    @Override
    public List<String> boundTypes() {
        return bound.values().stream().map(type -> switch (type) {
            case BIND_TX -> "bind_transmitter";
            case BIND_RX -> "bind_receiver";
            case BIND_TRX -> "bind_transceiver";
        }).sorted().toList();
    }

    @Override
    public int sendReceipt(String messageId) throws Exception {
        SMPPServerSession receiver = bound.entrySet().stream()
                .filter(e -> e.getValue() != BindType.BIND_TX)
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no receiving bind on the jsmpp SMSC"));
        Date when = new Date();
        String text = new DeliveryReceipt(messageId, 1, 1, when, when, DeliveryReceiptState.DELIVRD, "000",
                "Hello").toString();
        try {
            receiver.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380991234567",
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "MyShop",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                    text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(messageId),
                    new OptionalParameter.Message_state((byte) 2));
            return 0;
        } catch (NegativeResponseException answeredWithError) {
            return answeredWithError.getCommandStatus();
        }
    }

    @Override
    public void enquireLink() {
        // Every session sends it after ENQUIRE_LINK_MILLIS idle: nothing to do.
    }

    @Override
    public void close() {
        closed = true;
        bound.keySet().forEach(SMPPServerSession::unbindAndClose);
        try {
            listener.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Answers submits with the next id or, when told, ESME_RTHROTTLED; refuses everything else. */
    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
                throws ProcessRequestException {
            boolean throttle = throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            String id = throttle ? "" : "j" + nextId.incrementAndGet();
            submits.add(new ForeignSubmit(submit.getSourceAddr(), submit.getSourceAddrTon(), submit.getDestAddress(),
                    submit.getDestAddrTon(), submit.getEsmClass() & 0xFF, submit.getDataCoding() & 0xFF,
                    submit.getShortMessage(), throttle ? SMPPConstant.STAT_ESME_RTHROTTLED : 0, id));
            if (throttle) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            try {
                return new SubmitSmResult(new MessageId(id), OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        private static ProcessRequestException notHere() {
            return new ProcessRequestException("not supported here", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw notHere();
        }
    }
}
