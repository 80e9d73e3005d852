package io.smppgateway.smpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.codec.InvalidPduException;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.codec.PduFramingException;
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.log.RepeatedLines;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.ErrorResponses;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import io.smppgateway.smpp.session.BindHandler;
import io.smppgateway.smpp.session.BindOutcome;
import io.smppgateway.smpp.session.CommandPermissions;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RateLimiter;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.RequestNotSentException;
import io.smppgateway.smpp.session.RequestWindow;
import io.smppgateway.smpp.session.ResponseTimeoutException;
import io.smppgateway.smpp.session.SequenceNumbers;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SessionRole;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.session.SmppSession;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP session on a Netty channel: the state machine, the window of requests awaiting their
 * response, the queue in front of it, keep-alive, timeouts and back-pressure. Every field below the
 * volatile ones is touched only on the channel's event loop; public methods hop onto it.
 */
public final class ChannelSession extends ChannelInboundHandlerAdapter implements SmppSession {

    private static final Logger log = LoggerFactory.getLogger(ChannelSession.class);
    private static final long REFUSED_BIND_LINGER_MILLIS = 1000;
    /** Lines a peer can cause (invalid PDUs, limits it ran into), budgeted across every session. */
    private static final RepeatedLines PEER_LINES = RepeatedLines.perMinute();
    /** Invalid PDUs of one connection written to the log; the rest are counted and summed up at its end. */
    private static final int INVALID_PDU_LINES = 3;

    private final String id = UUID.randomUUID().toString();
    private final SessionRole role;
    private final SessionConfig config;
    private final Channel channel;
    private final PduFrameEncoder frameEncoder;
    private final PduFrameDecoder frameDecoder;
    private final ReadGate readGate;
    private final RequestHandler requestHandler;
    private final BindHandler bindHandler;
    private final PduListener pduListener;
    private final SequenceNumbers sequenceNumbers = new SequenceNumbers();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicLong lateResponses = new AtomicLong();

    private volatile SessionState state = SessionState.OPEN;
    private volatile long stateChangedAt = nowSeconds();
    private volatile BindType bindType;
    private volatile InterfaceVersion version = InterfaceVersion.SMPP_3_4;
    private volatile String systemId = "";
    private volatile String systemType = "";
    private volatile int inflightCount;
    private volatile int queueCount;

    private final RequestWindow window;
    private int pendingInbound;
    private RateLimiter rateLimiter;
    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> resumeTask;
    private CompletableFuture<Void> unbinding;
    private boolean bindPending;
    /**
     * The session is ending (its bind was refused, the peer unbound, the stream broke): what the
     * peer sends is still read, so that its close is seen, but dropped unanswered.
     */
    private boolean ending;
    private int unboundPdus;
    private long invalidPdus;
    private UnbindResp owedUnbindResp;
    private boolean closeWhenAnswered;

    /** A request we sent, waiting for its response. */
    private ChannelSession(SessionRole role, SessionConfig config, Channel channel, PduFrameEncoder frameEncoder,
                           PduFrameDecoder frameDecoder, RequestHandler requestHandler, BindHandler bindHandler,
                           PduListener pduListener) {
        this.role = role;
        this.config = config;
        this.channel = channel;
        this.frameEncoder = frameEncoder;
        this.frameDecoder = frameDecoder;
        this.readGate = new ReadGate(channel.config());
        this.requestHandler = requestHandler;
        this.bindHandler = bindHandler;
        this.pduListener = pduListener == null ? PduListener.NONE : pduListener;
        this.window = new RequestWindow(config.windowSize(), config.queueCapacity(), config.responseTimeout(),
                role == SessionRole.ESME);
    }

    /**
     * Installs the codec, keep-alive and session handlers on a new channel and returns the session.
     * On the ESME side {@code bindHandler} is {@code null}; on the SMSC side it decides binds.
     */
    public static ChannelSession install(Channel channel, SessionRole role, SessionConfig config,
                                         RequestHandler requestHandler, BindHandler bindHandler,
                                         PduListener pduListener) {
        PduFrameDecoder decoder = new PduFrameDecoder(new io.smppgateway.smpp.codec.PduDecoder(config.maxPduLength()));
        PduFrameEncoder encoder = new PduFrameEncoder();
        ChannelSession session = new ChannelSession(role, config, channel, encoder, decoder, requestHandler, bindHandler,
                pduListener);
        if (role == SessionRole.SMSC) {
            decoder.frameLimit(config.unbound().pduLength());
        }
        if (session.pduListener.wantsPdus()) {
            decoder.keepOctets(true);
            encoder.tap((pdu, octets) -> session.pduListener.onPdu(session, PduDirection.SENT, pdu, octets));
        }
        long inactivity = config.inactivityTimeout().toMillis();
        long enquire = config.enquireLinkInterval().toMillis();
        channel.pipeline()
                // One write system call for all the responses of a read, not one per PDU.
                .addLast("flushConsolidation", new FlushConsolidationHandler(256, true))
                .addLast("frameDecoder", decoder)
                .addLast("frameEncoder", encoder)
                .addLast("idle", new io.netty.handler.timeout.IdleStateHandler(
                        inactivity, 0, enquire, TimeUnit.MILLISECONDS))
                .addLast("session", session);
        return session;
    }

    // ---- SmppSession ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionRole role() {
        return role;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public BindType bindType() {
        return bindType;
    }

    @Override
    public InterfaceVersion version() {
        return version;
    }

    @Override
    public String systemId() {
        return systemId;
    }

    @Override
    public String systemType() {
        return systemType;
    }

    /** Our end of the connection; {@code null} on a channel that is not an IP socket (an in-memory one). */
    @Override
    public InetSocketAddress localAddress() {
        return channel.localAddress() instanceof InetSocketAddress address ? address : null;
    }

    /** The peer's end of the connection; {@code null} on a channel that is not an IP socket. */
    @Override
    public InetSocketAddress remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
    }

    @Override
    public long stateChangedAt() {
        return stateChangedAt;
    }

    @Override
    public int inflightCount() {
        return inflightCount;
    }

    @Override
    public int queueCount() {
        return queueCount;
    }

    /** Responses that came after their request had timed out, or matched no request. */
    public long lateResponses() {
        return lateResponses.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends PduResponse> CompletableFuture<R> send(PduRequest<R> request) {
        CompletableFuture<PduResponse> future = new CompletableFuture<>();
        onLoop(() -> enqueue(new RequestWindow.Request(request, future)));
        return (CompletableFuture<R>) (CompletableFuture<?>) future;
    }

    /**
     * Binds (ESME side): sends the bind request and, when the SMSC accepts, moves to the bound state
     * with the version both sides speak. The future completes with the response whatever its status.
     */
    public CompletableFuture<BindResponse> bind(BindRequest request) {
        CompletableFuture<PduResponse> future = new CompletableFuture<>();
        onLoop(() -> {
            if (role != SessionRole.ESME || state != SessionState.OPEN) {
                future.completeExceptionally(new RequestNotSentException("bind needs an open ESME session, this one is " + state));
                return;
            }
            writeRequest(new RequestWindow.Request((PduRequest<?>) request, future));
            channel.flush();
        });
        return future.thenApply(response -> {
            BindResponse bindResponse = (BindResponse) response;
            if (bindResponse.commandStatus() == 0) {
                onLoop(() -> {
                    InterfaceVersion theirs = bindResponse.scInterfaceVersion().orElse(InterfaceVersion.SMPP_3_3);
                    bound(request.bindType(), lower(request.version(), theirs), request.systemId(), request.systemType());
                });
            }
            return bindResponse;
        });
    }

    /** Whether ESME_RTHROTTLED/ESME_RMSGQFUL answers pause the session and retry in order (ESME side default). */
    public void retryThrottled(boolean retry) {
        onLoop(() -> window.retryThrottled(retry));
    }

    @Override
    public CompletableFuture<Void> unbind() {
        onLoop(this::startUnbind);
        return closed;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    public Channel channel() {
        return channel;
    }

    // ---- outgoing ----

    private void enqueue(RequestWindow.Request request) {
        CommandId id = request.pdu().commandId();
        if (state == SessionState.CLOSED || state == SessionState.UNBINDING
                || !CommandPermissions.mayOutgoing(role, state, id)) {
            request.future().completeExceptionally(
                    new RequestNotSentException(id + " cannot be sent in state " + state));
            return;
        }
        if (id == CommandId.OUTBIND || id == CommandId.ALERT_NOTIFICATION) {
            channel.writeAndFlush(request.pdu().withSequenceNumber(sequenceNumbers.next()));
            request.future().complete(null);
            return;
        }
        if (!window.offer(request)) {
            request.future().completeExceptionally(new RequestNotSentException(
                    "the session's queue is full (" + window.capacity() + " requests)"));
            return;
        }
        dispatch();
    }

    private void dispatch() {
        boolean wrote = false;
        long now = System.nanoTime();
        while (state.isBound() || state == SessionState.OPEN) {
            RequestWindow.Request next = window.next(now);
            if (next == null) {
                break;
            }
            writeRequest(next);
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        updateCounts();
    }

    private void writeRequest(RequestWindow.Request request) {
        PduRequest<?> pdu = request.pdu().withSequenceNumber(sequenceNumbers.next());
        window.written(pdu.sequenceNumber(), request.sentAs(pdu), System.nanoTime());
        channel.write(pdu).addListener(written -> {
            if (!written.isSuccess()) {
                onLoop(() -> {
                    if (window.withdraw(pdu.sequenceNumber()) != null) {
                        // A failed write never reached the peer: safe to send elsewhere.
                        request.future().completeExceptionally(
                                new RequestNotSentException("writing " + pdu.commandId() + " failed: " + written.cause()));
                        updateCounts();
                    }
                });
            }
        });
        updateCounts();
    }

    private void updateCounts() {
        inflightCount = window.inFlight();
        queueCount = window.waiting();
    }

    // ---- incoming ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long interval = Math.max(50, Math.min(1000, config.responseTimeout().toMillis() / 4));
        sweeper = ctx.executor().scheduleAtFixedRate(() -> {
            expireRequests();
            closeIfPeerStopsReading();
        }, interval, interval, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        changeState(SessionState.CLOSED);
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (resumeTask != null) {
            resumeTask.cancel(false);
        }
        window.failAll();
        updateCounts();
        if (invalidPdus > INVALID_PDU_LINES) {
            peerLine("invalid-total", "[{}] {} invalid PDUs from {} in all", id, invalidPdus, remoteAddress());
        }
        for (RepeatedLines.Summary summary : PEER_LINES.drainEnded()) {
            log.info("{} more lines like '{}' were not logged in the last minute", summary.count(), summary.key());
        }
        closed.complete(null);
        ctx.fireChannelInactive();
    }

    /**
     * The peer does not take what we write: stop reading from it until it does, so that it cannot
     * make our answers pile up in memory (TCP pushes back on it in turn).
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable()) {
            readGate.open(ReadGate.Reason.PEER_NOT_READING);
        } else {
            readGate.close(ReadGate.Reason.PEER_NOT_READING);
            closeIfPeerStopsReading();
        }
        ctx.fireChannelWritabilityChanged();
    }

    /** What we wrote and the peer has not taken passed its bound: it is not reading, and we stop. */
    private void closeIfPeerStopsReading() {
        io.netty.channel.ChannelOutboundBuffer unwritten = channel.unsafe().outboundBuffer();
        if (unwritten != null && unwritten.totalPendingWriteBytes() > config.maxUnwrittenBytes()) {
            peerLine("not-reading", "[{}] closing: {} does not read what we send ({} bytes waiting, at most {})",
                    id, remoteAddress(), unwritten.totalPendingWriteBytes(), config.maxUnwrittenBytes());
            close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ending) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (role == SessionRole.SMSC && !state.isBound() && ++unboundPdus > config.unbound().pdus()) {
            peerLine("unbound-pdus", "[{}] closing: {} sent {} PDUs without binding", id, remoteAddress(),
                    config.unbound().pdus());
            ending = true;
            close();
            return;
        }
        Pdu pdu;
        if (msg instanceof ReceivedPdu received) {
            pduListener.onPdu(this, PduDirection.RECEIVED, received.pdu(), received.octets());
            if (received.error() != null) {
                onDecodeError(received.error());
                return;
            }
            pdu = received.pdu();
        } else if (msg instanceof Pdu plain) {
            pdu = plain;
        } else {
            ctx.fireChannelRead(msg);
            return;
        }
        if (pdu instanceof PduResponse response) {
            onResponse(response);
        } else {
            onRequest((PduRequest<?>) pdu);
        }
    }

    private void onDecodeError(PduException error) {
        if (error instanceof PduFramingException framing) {
            peerLine("framing", "[{}] closing: {} from {}", id, PeerText.of(framing.getMessage()), remoteAddress());
            ending = true;
            channel.writeAndFlush(new GenericNack(framing.commandStatus(), framing.sequenceNumber()))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        InvalidPduException invalid = (InvalidPduException) error;
        if (++invalidPdus <= INVALID_PDU_LINES) {
            peerLine("invalid", "[{}] invalid PDU from {}: {}", id, remoteAddress(), PeerText.of(invalid.getMessage()));
        }
        var header = invalid.header();
        if (header.isResponse()) {
            RequestWindow.Request answered = window.withdraw(header.sequenceNumber());
            if (answered != null) {
                answered.future().completeExceptionally(invalid);
                dispatch();
            }
            return;
        }
        CommandId id = header.knownCommandId();
        Pdu answer;
        if (id != null && id.responseId() != null) {
            answer = ErrorResponses.of(id, header.sequenceNumber(), invalid.commandStatus());
        } else {
            answer = new GenericNack(invalid.commandStatus(), header.sequenceNumber());
        }
        channel.writeAndFlush(answer);
    }

    private void onResponse(PduResponse response) {
        PduRequest<?> request = window.requestOf(response.sequenceNumber());
        switch (window.answer(response, System.nanoTime())) {
            case UNMATCHED -> {
                lateResponses.incrementAndGet();
                log.debug("[{}] {} seq {} matches no request in flight", id, response.commandId(),
                        response.sequenceNumber());
                return;
            }
            case RETRY_AFTER_PAUSE -> pause();
            case COMPLETED -> {
                if (request.commandId() == CommandId.UNBIND && !(response instanceof GenericNack)) {
                    // The peer may still be owed answers to requests it sent before our unbind.
                    if (pendingInbound == 0) {
                        closeAfterWrites();
                    } else {
                        closeWhenAnswered = true;
                    }
                }
            }
        }
        dispatch();
    }

    /** Sending pauses after a throttling answer; the window says for how long. */
    private void pause() {
        long delayMillis = window.pauseMillis();
        if (resumeTask != null) {
            resumeTask.cancel(false);
        }
        resumeTask = channel.eventLoop().schedule(this::dispatch, delayMillis, TimeUnit.MILLISECONDS);
        log.info("[{}] peer throttles: pausing sends for {} ms", id, delayMillis);
    }

    private void onRequest(PduRequest<?> request) {
        CommandStatus allowed = CommandPermissions.checkIncoming(role, state, request.commandId());
        if (allowed != CommandStatus.ESME_ROK) {
            channel.writeAndFlush(request.errorResponse(allowed.value()));
            return;
        }
        switch (request.commandId()) {
            case ENQUIRE_LINK -> channel.writeAndFlush(((EnquireLink) request).response());
            case UNBIND -> onUnbind((Unbind) request);
            case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER -> onBind((BindRequest) request);
            case OUTBIND -> log.info("[{}] ignoring outbind: this ESME binds on its own", id);
            case ALERT_NOTIFICATION -> requestHandler.onRequest(this, request);
            default -> onMessage(request);
        }
    }

    /**
     * The peer unbinds: nothing more is read, the answers it is still owed (requests accepted before
     * the unbind) go out first, then unbind_resp, then the connection closes. An answer that is
     * not ready within the unbind timeout is given up; the peer will send that request again.
     */
    private void onUnbind(Unbind request) {
        changeState(SessionState.UNBINDING);
        ending = true;
        owedUnbindResp = request.response();
        if (pendingInbound == 0) {
            answerUnbind();
            return;
        }
        channel.eventLoop().schedule(() -> {
            if (owedUnbindResp != null) {
                log.info("[{}] {} answers still owed after {}; unbinding without them", id, pendingInbound,
                        config.unbindTimeout());
                answerUnbind();
            }
        }, config.unbindTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answerUnbind() {
        UnbindResp response = owedUnbindResp;
        owedUnbindResp = null;
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** An answer we owed the peer went out: when it was the last, an unbind waiting for it goes on. */
    private void answered() {
        pendingInbound--;
        if (pendingInbound < config.maxPendingInbound()) {
            readGate.open(ReadGate.Reason.BUSY);
        }
        if (pendingInbound == 0) {
            if (owedUnbindResp != null) {
                answerUnbind();
            } else if (closeWhenAnswered) {
                closeAfterWrites();
            }
        }
    }

    /** Closes once what was written before has gone out (or failed). */
    private void closeAfterWrites() {
        channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void onMessage(PduRequest<?> request) {
        if (rateLimiter != null && RequestWindow.isMessage(request.commandId()) && !rateLimiter.tryAcquire()) {
            channel.writeAndFlush(request.errorResponse(CommandStatus.ESME_RTHROTTLED.value()));
            return;
        }
        CompletableFuture<? extends PduResponse> answer;
        try {
            answer = requestHandler.onRequest(this, request);
        } catch (RuntimeException e) {
            log.warn("[{}] request handler failed on {}", id, request.commandId(), e);
            channel.writeAndFlush(request.errorResponse(CommandStatus.ESME_RSYSERR.value()));
            return;
        }
        if (answer == null) {
            channel.writeAndFlush(request.errorResponse(CommandStatus.ESME_RINVCMDID.value()));
            return;
        }
        pendingInbound++;
        if (pendingInbound >= config.maxPendingInbound()) {
            readGate.close(ReadGate.Reason.BUSY);
        }
        answer.whenComplete((response, failure) -> {
            Pdu reply = response != null ? response : request.errorResponse(statusOf(failure));
            if (response != null && !answers(request, response)) {
                log.error("[{}] the request handler answered {} seq {} with {} seq {}", id, request.commandId(),
                        request.sequenceNumber(), response.commandId(), response.sequenceNumber());
                reply = request.errorResponse(CommandStatus.ESME_RSYSERR.value());
            }
            if (failure != null && !(FailureCause.of(failure) instanceof CommandStatusException)) {
                log.warn("[{}] request handler failed on {}", id, request.commandId(), failure);
            }
            channel.writeAndFlush(reply);
            onLoop(this::answered);
        });
    }

    private static boolean answers(PduRequest<?> request, PduResponse response) {
        return response.sequenceNumber() == request.sequenceNumber()
                && response.commandId() == request.commandId().responseId();
    }

    private static int statusOf(Throwable failure) {
        return FailureCause.of(failure) instanceof CommandStatusException status
                ? status.commandStatus() : CommandStatus.ESME_RSYSERR.value();
    }

    private void onBind(BindRequest request) {
        if (bindHandler == null) {
            channel.writeAndFlush(((PduRequest<?>) request).errorResponse(CommandStatus.ESME_RINVBNDSTS.value()));
            return;
        }
        if (bindPending) {
            channel.writeAndFlush(((PduRequest<?>) request).errorResponse(CommandStatus.ESME_RALYBND.value()));
            return;
        }
        bindPending = true;
        CompletableFuture<BindOutcome> outcome;
        try {
            outcome = bindHandler.onBind(this, request);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((decision, failure) -> onLoop(() -> {
            bindPending = false;
            BindOutcome result = failure == null ? decision : BindOutcome.refused(CommandStatus.ESME_RBINDFAIL);
            if (failure != null) {
                log.warn("[{}] bind handler failed", id, failure);
            }
            InterfaceVersion ours = lower(request.version(), InterfaceVersion.SMPP_5_0);
            if (result.isAccepted()) {
                rateLimiter = RateLimiter.perMinute(result.throughputPerMinute());
                bound(request.bindType(), ours, request.systemId(), request.systemType());
                channel.writeAndFlush(request.response(0, result.systemId(), ours)).addListener(written -> {
                    if (written.isSuccess()) {
                        announceBound();
                    }
                });
                dispatch();
            } else {
                // Close a moment after the refusal rather than at once: an ESME that reads the
                // response on one thread and the end of the stream on another (jsmpp does) would
                // otherwise miss the status and see a timeout.
                ending = true;
                channel.writeAndFlush(request.response(result.commandStatus(), "", ours)).addListener(written ->
                        channel.eventLoop().schedule(this::close, REFUSED_BIND_LINGER_MILLIS, TimeUnit.MILLISECONDS));
            }
        }));
    }

    private void announceBound() {
        try {
            bindHandler.onBound(this);
        } catch (RuntimeException e) {
            log.warn("[{}] the host's bind listener failed; the session stays bound", id, e);
        }
    }

    private void bound(BindType type, InterfaceVersion agreed, String boundSystemId, String boundSystemType) {
        bindType = type;
        version = agreed;
        systemId = boundSystemId;
        systemType = boundSystemType;
        frameEncoder.encoder(PduEncoder.forVersion(agreed));
        frameDecoder.frameLimit(config.maxPduLength());
        changeState(SessionState.boundAs(type));
    }

    private static InterfaceVersion lower(InterfaceVersion a, InterfaceVersion b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // ---- timers ----

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                log.info("[{}] closing: nothing received for {}", id, config.inactivityTimeout());
                close();
            } else if (idle.state() == IdleState.ALL_IDLE && state != SessionState.UNBINDING) {
                sendEnquireLink();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void sendEnquireLink() {
        CompletableFuture<PduResponse> future = new CompletableFuture<>();
        writeRequest(new RequestWindow.Request(new EnquireLink(1), future));
        channel.flush();
        future.whenComplete((response, failure) -> {
            if (failure instanceof ResponseTimeoutException) {
                log.info("[{}] closing: enquire_link unanswered", id);
                close();
            }
        });
    }

    private void expireRequests() {
        if (window.inFlight() > 0 && window.expire(System.nanoTime()) > 0) {
            dispatch();
        }
    }

    private void startUnbind() {
        if (state == SessionState.CLOSED || unbinding != null) {
            return;
        }
        if (!state.isBound()) {
            close();
            return;
        }
        unbinding = new CompletableFuture<>();
        // The state changes first, so a callback that resends from failQueued cannot add to the queue.
        changeState(SessionState.UNBINDING);
        window.failUnsent("the session started unbinding");
        writeRequest(new RequestWindow.Request(new Unbind(1), new CompletableFuture<>()));
        channel.flush();
        channel.eventLoop().schedule(this::close, config.unbindTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- plumbing ----

    /** A line a peer caused, written within the shared budget for such lines. */
    private void peerLine(String kind, String format, Object... arguments) {
        long skipped = PEER_LINES.take(kind + " from " + hostOf(channel.remoteAddress()));
        if (skipped >= 0) {
            log.info(format + RepeatedLines.suffix(skipped), arguments);
        }
    }

    private static String hostOf(Object address) {
        return address instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress().getHostAddress() : String.valueOf(address);
    }

    private void changeState(SessionState next) {
        if (state != next) {
            state = next;
            stateChangedAt = nowSeconds();
        }
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.info("[{}] closing after an I/O error: {}", id, cause.toString());
        close();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public String toString() {
        return "SmppSession[" + id + " " + role + " " + state + " " + systemId + "]";
    }
}
