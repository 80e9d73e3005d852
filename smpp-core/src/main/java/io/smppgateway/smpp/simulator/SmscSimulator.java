package io.smppgateway.smpp.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.BindOutcome;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestNotSentException;
import io.smppgateway.smpp.session.SessionRole;
import io.smppgateway.smpp.session.SmppSession;
import io.smppgateway.smpp.tls.ServerTls;
import io.smppgateway.smpp.tls.TlsIdentity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC for tests, examples and load runs: accepts binds (any credentials, or the
 * configured ones), answers submit_sm with generated ids after a set latency, throttles every Nth
 * submit if asked, and after a delay sends the delivery receipt the submit's registered_delivery
 * asks for: deliver_sm with esm_class 0x04, the standard receipt text and, from 3.4 on, the
 * receipted_message_id and message_state TLVs, the final status drawn from the outcome mix.
 *
 * <pre>{@code
 * try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults().withThrottleEveryNth(10))) {
 *     connect to 127.0.0.1:smsc.port() ...
 *     smsc.counters().submitsAccepted();
 * }
 * }</pre>
 *
 * <p>It speaks through the same {@link ChannelSession} as the real server, but decides binds
 * itself rather than through {@link io.smppgateway.smpp.server.SmppServer}'s account check,
 * because "any credentials" cannot be expressed as accounts, and it watches each session's
 * unanswered submits, which the real server has no reason to.
 *
 * <p>A receipt goes to the session the submit came on when it can receive (a transceiver),
 * otherwise to another receiving bind of the same system_id; with none bound it waits, bounded,
 * until one binds. A receipt whose deliver_sm fails (the bind closed) is kept to be sent again,
 * as a real SMSC does, so an ESME may see it twice.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    private static final int ESM_CLASS_RECEIPT = 0x04;
    /** Numbers of accepted messages start here, so that hex ids carry letters and decimal ones do not look like hex. */
    private static final long FIRST_MESSAGE_NUMBER = 10_000_000_000L;
    private static final long RESEND_DELAY_MILLIS = 100;

    private final SimulatorConfig config;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();
    private final Map<String, Simulated> sessions = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<PendingReceipt>> pendingReceipts = new ConcurrentHashMap<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong messageNumbers = new AtomicLong(FIRST_MESSAGE_NUMBER - 1);
    private final AtomicLong submitCount = new AtomicLong();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bindsAccepted = new AtomicLong();
    private final AtomicLong bindsRefused = new AtomicLong();
    private final AtomicLong submitsReceived = new AtomicLong();
    private final AtomicLong submitsAccepted = new AtomicLong();
    private final AtomicLong submitsThrottled = new AtomicLong();
    private final AtomicLong receiptsSent = new AtomicLong();
    /** Accounts whose line of receipts has a retry scheduled, so that a full session schedules one, not one per receipt. */
    private final Set<String> lineWatched = ConcurrentHashMap.newKeySet();
    private final AtomicLong receiptsAcknowledged = new AtomicLong();
    private final AtomicLong receiptsFailed = new AtomicLong();
    private final AtomicLong receiptsDropped = new AtomicLong();
    private final AtomicInteger maxUnanswered = new AtomicInteger();

    /** A session and the submits it has waiting for our answer. */
    private static final class Simulated {
        final ChannelSession session;
        final AtomicInteger unanswered = new AtomicInteger();

        Simulated(ChannelSession session) {
            this.session = session;
        }
    }

    /** A receipt to deliver to an ESME of {@code systemId}, decided when the message was accepted. */
    private record PendingReceipt(String systemId, String originSessionId, SubmitSm submit, MessageIdStyle.Ids ids,
                                  FinalStatus status, LocalDateTime submitDate) {
    }

    private SmscSimulator(SimulatorConfig config) {
        this.config = config;
    }

    /** Starts listening; {@link #close()} stops it. */
    public static SmscSimulator start(SimulatorConfig config) {
        SmscSimulator simulator = new SmscSimulator(config);
        try {
            simulator.listen();
            return simulator;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    private void listen() {
        SmppServerConfig server = config.server();
        SslContext ssl = server.tlsPort() >= 0 ? sslContext(server) : null;
        if (server.port() >= 0) {
            listeners.add(bind(server.port(), null));
        }
        if (server.tlsPort() >= 0) {
            listeners.add(bind(server.tlsPort(), ssl));
        }
    }

    private static SslContext sslContext(SmppServerConfig server) {
        if (server.certificate() == null || server.privateKey() == null) {
            throw new IllegalArgumentException("TLS needs a certificate and a private key");
        }
        return ServerTls.context(TlsIdentity.load(server.certificate(), server.privateKey()));
    }

    private Channel bind(int port, SslContext ssl) {
        SmppServerConfig server = config.server();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (closing) {
                            channel.close();
                            return;
                        }
                        connections.incrementAndGet();
                        if (ssl != null) {
                            channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc()));
                        }
                        ChannelSession session = ChannelSession.install(channel, SessionRole.SMSC, server.session(),
                                SmscSimulator.this::onRequest, SmscSimulator.this::onBind, PduListener.NONE);
                        sessions.put(session.id(), new Simulated(session));
                        session.closeFuture().whenComplete((ignored, failure) -> sessions.remove(session.id()));
                        channel.eventLoop().schedule(() -> {
                            if (!session.state().isBound()) {
                                session.close();
                            }
                        }, server.bindTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
        try {
            Channel channel = bootstrap.bind(server.host(), port).sync().channel();
            log.info("SMSC simulator listening on {}{}", channel.localAddress(), ssl != null ? " (TLS)" : "");
            return channel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding port " + port, e);
        }
    }

    // ---- binds ----

    private CompletableFuture<BindOutcome> onBind(SmppSession session, BindRequest request) {
        Map<String, String> credentials = config.credentials();
        if (!credentials.isEmpty()) {
            String password = credentials.get(request.systemId());
            if (password == null || !password.equals(request.password())) {
                bindsRefused.incrementAndGet();
                return CompletableFuture.completedFuture(BindOutcome.refused(
                        password == null ? CommandStatus.ESME_RINVSYSID : CommandStatus.ESME_RINVPASWD));
            }
        }
        bindsAccepted.incrementAndGet();
        if (request.bindType().receives()) {
            // Runs after the session has taken its bound state.
            ((ChannelSession) session).channel().eventLoop().execute(() -> flushPending(request.systemId()));
        }
        return CompletableFuture.completedFuture(BindOutcome.accepted(config.server().systemId(), 0));
    }

    // ---- submits ----

    private CompletableFuture<? extends PduResponse> onRequest(SmppSession session, PduRequest<?> request) {
        if (request instanceof SubmitSm submit) {
            return onSubmit(session, submit);
        }
        if (request instanceof DataSm data) {
            return later(session, () -> data.response(config.idStyle().ids(messageNumbers.incrementAndGet()).response()));
        }
        return null;
    }

    private CompletableFuture<SubmitSmResp> onSubmit(SmppSession session, SubmitSm submit) {
        submitsReceived.incrementAndGet();
        Simulated simulated = sessions.get(session.id());
        AtomicInteger unanswered = simulated != null ? simulated.unanswered : new AtomicInteger();
        maxUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
        boolean throttle = config.throttleEveryNth() > 0 && submitCount.incrementAndGet() % config.throttleEveryNth() == 0;
        return later(session, () -> {
            unanswered.decrementAndGet();
            if (throttle) {
                submitsThrottled.incrementAndGet();
                return submit.errorResponse(CommandStatus.ESME_RTHROTTLED.value());
            }
            MessageIdStyle.Ids ids = config.idStyle().ids(messageNumbers.incrementAndGet());
            submitsAccepted.incrementAndGet();
            planReceipt(session, submit, ids);
            return submit.response(ids.response());
        });
    }

    /** The answer {@code answer} makes, after the response latency, on the session's event loop. */
    private <R extends PduResponse> CompletableFuture<R> later(SmppSession session, java.util.function.Supplier<R> answer) {
        long latency = config.responseLatency().toMillis();
        if (latency == 0) {
            return CompletableFuture.completedFuture(answer.get());
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        ((ChannelSession) session).channel().eventLoop().schedule(() -> result.complete(answer.get()),
                latency, TimeUnit.MILLISECONDS);
        return result;
    }

    // ---- receipts ----

    /** SMPP 3.4, 5.2.17: bits 0-1 of registered_delivery ask for a receipt always (01) or on failure only (10). */
    private void planReceipt(SmppSession session, SubmitSm submit, MessageIdStyle.Ids ids) {
        int wanted = submit.registeredDelivery() & 0x03;
        if (wanted != 1 && wanted != 2) {
            return;
        }
        FinalStatus status = config.outcomes().pick(ThreadLocalRandom.current().nextDouble());
        if (wanted == 2 && status == FinalStatus.DELIVERED) {
            return;
        }
        PendingReceipt receipt = new PendingReceipt(session.systemId(), session.id(), submit, ids, status,
                LocalDateTime.now());
        ((ChannelSession) session).channel().eventLoop().schedule(() -> sendReceipt(receipt),
                config.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendReceipt(PendingReceipt receipt) {
        ChannelSession target = receiverFor(receipt.systemId(), receipt.originSessionId());
        if (target == null) {
            hold(receipt);
            return;
        }
        receiptsSent.incrementAndGet();
        target.send(receiptPdu(receipt, target)).whenComplete((response, failure) -> {
            if (failure instanceof RequestNotSentException && target.state().isReceivable()) {
                receiptsSent.decrementAndGet();
                // The session's window and queue are full: wait in line, and go out when an answer
                // frees a place (below), instead of trying again and again while they stay full.
                // The timer only covers answers that all came before this receipt joined the line.
                park(receipt);
                String systemId = receipt.systemId();
                if (lineWatched.add(systemId)) {
                    workers.schedule(() -> {
                        lineWatched.remove(systemId);
                        sendNextPending(systemId);
                    }, RESEND_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                }
                return;
            }
            if (failure != null) {
                // Later, not now: the session may be failing its queue in this very call.
                holdLater(receipt);
                return;
            }
            int status = response.commandStatus();
            if (status == 0) {
                receiptsAcknowledged.incrementAndGet();
            } else if (asksForRetry(status)) {
                // "Not now": as an SMSC does, send it again a moment later (counted once in "sent").
                receiptsSent.decrementAndGet();
                holdLater(receipt);
            } else {
                receiptsFailed.incrementAndGet();
            }
            sendNextPending(receipt.systemId());
        });
    }

    /** The answers by which an ESME asks for a receipt again later rather than refusing it. */
    private static boolean asksForRetry(int status) {
        return status == CommandStatus.ESME_RX_T_APPN.value() || status == CommandStatus.ESME_RTHROTTLED.value()
                || status == CommandStatus.ESME_RMSGQFUL.value();
    }

    /** Sends the receipt that has waited longest for this account, if any. */
    private void sendNextPending(String systemId) {
        ArrayDeque<PendingReceipt> queue = pendingReceipts.get(systemId);
        if (queue == null) {
            return;
        }
        PendingReceipt next;
        synchronized (queue) {
            next = queue.poll();
            if (next != null) {
                pendingCount.decrementAndGet();
            }
        }
        if (next != null) {
            sendReceipt(next);
        }
    }

    private DeliverSm receiptPdu(PendingReceipt receipt, SmppSession target) {
        FinalStatus status = receipt.status();
        // err: 000 when delivered, otherwise the status's position (001 undelivered, 002 rejected, ...).
        DeliveryReceipt text = DeliveryReceipt.of(receipt.ids().receipt(), status, status.ordinal(),
                receipt.submitDate(), LocalDateTime.now(), readableText(receipt.submit()));
        Tlvs tlvs = target.version().supportsTlvs()
                ? Tlvs.of(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, receipt.ids().receipt()),
                        Tlv.ofInt(TlvTag.MESSAGE_STATE, status.messageState().value()))
                : Tlvs.EMPTY;
        return DeliverSm.builder()
                .source(receipt.submit().destination())
                .destination(receipt.submit().source())
                .esmClass(ESM_CLASS_RECEIPT)
                .shortMessage(Octets.wrap(text.toText().getBytes(StandardCharsets.ISO_8859_1)))
                .tlvs(tlvs)
                .build();
    }

    /** The message's text for the receipt when it is plain printable ASCII in a single-octet coding, else none. */
    private static String readableText(SubmitSm submit) {
        int coding = submit.dataCoding();
        if ((coding != 0 && coding != 1 && coding != 3) || (submit.esmClass() & 0x40) != 0) {
            return null;
        }
        byte[] octets = submit.shortMessage().toByteArray();
        for (byte octet : octets) {
            if (octet < 0x20 || octet > 0x7E) {
                return null;
            }
        }
        return new String(octets, StandardCharsets.US_ASCII);
    }

    private ChannelSession receiverFor(String systemId, String preferredSessionId) {
        Simulated origin = preferredSessionId == null ? null : sessions.get(preferredSessionId);
        if (origin != null && origin.session.state().isReceivable()) {
            return origin.session;
        }
        List<ChannelSession> receivers = new ArrayList<>();
        for (Simulated simulated : sessions.values()) {
            if (simulated.session.state().isReceivable() && simulated.session.systemId().equals(systemId)) {
                receivers.add(simulated.session);
            }
        }
        if (receivers.isEmpty()) {
            return null;
        }
        return receivers.get(Math.floorMod(roundRobin.getAndIncrement(), receivers.size()));
    }

    private void holdLater(PendingReceipt receipt) {
        workers.schedule(() -> hold(receipt), RESEND_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void hold(PendingReceipt receipt) {
        if (park(receipt) && receiverFor(receipt.systemId(), null) != null) {
            // A receiver may have bound between our look and the add.
            flushPending(receipt.systemId());
        }
    }

    /** Puts a receipt in its account's line, dropping the oldest when full; false when closing or dropped. */
    private boolean park(PendingReceipt receipt) {
        if (closing) {
            return false;
        }
        ArrayDeque<PendingReceipt> queue = pendingReceipts.computeIfAbsent(receipt.systemId(), id -> new ArrayDeque<>());
        synchronized (queue) {
            if (config.pendingReceiptCapacity() == 0) {
                receiptsDropped.incrementAndGet();
                return false;
            }
            if (pendingCount.get() >= config.pendingReceiptCapacity() && !queue.isEmpty()) {
                queue.poll();
                pendingCount.decrementAndGet();
                receiptsDropped.incrementAndGet();
            }
            queue.add(receipt);
            pendingCount.incrementAndGet();
        }
        return true;
    }

    private void flushPending(String systemId) {
        ArrayDeque<PendingReceipt> queue = pendingReceipts.get(systemId);
        if (queue == null) {
            return;
        }
        List<PendingReceipt> due;
        synchronized (queue) {
            if (receiverFor(systemId, null) == null) {
                return;
            }
            due = new ArrayList<>(queue);
            queue.clear();
            pendingCount.addAndGet(-due.size());
        }
        due.forEach(this::sendReceipt);
    }

    // ---- control ----

    /** The plain TCP port, or -1. */
    public int port() {
        return portOf(config.server().port() >= 0 ? 0 : -1);
    }

    /** The TLS port, or -1. */
    public int tlsPort() {
        return portOf(config.server().tlsPort() < 0 ? -1 : (config.server().port() >= 0 ? 1 : 0));
    }

    private int portOf(int index) {
        return index < 0 ? -1 : ((InetSocketAddress) listeners.get(index).localAddress()).getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulatorCounters counters() {
        return new SimulatorCounters(connections.get(), bindsAccepted.get(), bindsRefused.get(),
                submitsReceived.get(), submitsAccepted.get(), submitsThrottled.get(), receiptsSent.get(),
                receiptsAcknowledged.get(), receiptsFailed.get(), receiptsDropped.get(), pendingCount.get(),
                maxUnanswered.get());
    }

    /** Every connection, bound or not. */
    public List<SmppSession> sessions() {
        return sessions.values().stream().map(simulated -> (SmppSession) simulated.session).toList();
    }

    /**
     * Sends a deliver_sm (an MO message, say) to a receiving bind of {@code systemId}; fails with
     * IllegalStateException when it has none.
     */
    public CompletableFuture<DeliverSmResp> deliver(String systemId, DeliverSm deliverSm) {
        ChannelSession target = receiverFor(systemId, null);
        if (target == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(systemId + " has no receiving bind"));
        }
        return target.send(deliverSm);
    }

    /** Closes every connection at once without unbinding, as a crash or a network cut would. */
    public void dropConnections() {
        for (Simulated simulated : List.copyOf(sessions.values())) {
            simulated.session.close();
        }
    }

    /** Stops listening, unbinds every session (bounded by the unbind timeout) and stops the threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        CompletableFuture<?>[] unbinds = sessions.values().stream()
                .map(simulated -> simulated.session.unbind())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(unbinds)
                    .get(config.server().session().unbindTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("not every simulated session closed in time: {}", e.toString());
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
