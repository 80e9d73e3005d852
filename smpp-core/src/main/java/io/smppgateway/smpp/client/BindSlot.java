package io.smppgateway.smpp.client;

import io.netty.handler.ssl.SslContext;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.RequestNotSentException;
import io.smppgateway.smpp.session.SessionState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind position of a gateway (say its second transmitter): keeps one session bound, and after
 * a refused bind or a lost connection tries again after a {@link ReconnectBackoff} delay. It never
 * has more than one socket: a new attempt starts only once the previous one has failed or closed.
 * It counts the submits the gateway handed it that are not answered yet, so that the gateway hands
 * it no more than its window. Its settings are fixed: a changed gateway gets new slots.
 */
final class BindSlot {

    private static final Logger log = LoggerFactory.getLogger(BindSlot.class);
    private static final long DRAIN_POLL_MILLIS = 20;

    private final GatewayConfig config;
    private final BindType type;
    private final int index;
    private final SmppConnector connector;
    private final SslContext ssl;
    private final RequestHandler inbound;
    private final PduListener pduListener;
    private final Runnable onBound;
    private final CompletableFuture<Void> retired = new CompletableFuture<>();
    private final AtomicInteger outstanding = new AtomicInteger();

    private volatile ChannelSession session;
    // Guarded by this.
    private boolean connecting;
    private boolean retiring;
    private int failures;
    private Future<?> retry;
    private String attemptId = UUID.randomUUID().toString();
    private SessionState idleStatus = SessionState.CLOSED;
    private long idleSince = nowSeconds();
    private long boundAtNanos;
    private BindFailure lastFailure;
    private long nextAttemptAt;

    BindSlot(GatewayConfig config, BindType type, int index, SmppConnector connector, SslContext ssl,
             RequestHandler inbound, PduListener pduListener, Runnable onBound) {
        this.config = config;
        this.type = type;
        this.index = index;
        this.connector = connector;
        this.ssl = ssl;
        this.inbound = inbound;
        this.pduListener = pduListener;
        this.onBound = onBound;
    }

    BindType type() {
        return type;
    }

    /** Its number among the gateway's binds of its type, from 1 (the log's {@code tx#2}). */
    int index() {
        return index;
    }

    /** Starts connecting; from here on the slot keeps itself bound until {@link #retire()}. */
    void start() {
        connect();
    }

    private void connect() {
        synchronized (this) {
            if (retiring || session != null || connecting) {
                return;
            }
            connecting = true;
            retry = null;
            nextAttemptAt = 0;
            attemptId = UUID.randomUUID().toString();
            idleStatus = SessionState.DIAL;
            idleSince = nowSeconds();
        }
        BindRequest bind = BindRequest.of(type, 1, config.systemId(), config.password(), config.systemType(),
                config.version(), Address.EMPTY);
        CompletableFuture<ChannelSession> attempt;
        try {
            attempt = connector.connectAndBind(config.host(), config.port(), ssl, config.connectTimeout(),
                    config.sessionConfig(), bind, inbound, pduListener);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete(this::connected);
    }

    private void connected(ChannelSession bound, Throwable failure) {
        if (failure != null) {
            boolean stop;
            synchronized (this) {
                connecting = false;
                failures++;
                idleStatus = SessionState.CLOSED;
                idleSince = nowSeconds();
                lastFailure = BindFailure.ofAttempt(failure, System.currentTimeMillis());
                stop = retiring;
                if (!stop) {
                    scheduleRetry();
                }
            }
            if (stop) {
                retired.complete(null);
            } else {
                log.info("[{}] {} #{} to {}:{} failed ({} in a row): {}", config.smscId(), type.label(), index,
                        config.host(), config.port(), failures, describe(failure));
            }
            return;
        }
        boolean keep;
        synchronized (this) {
            connecting = false;
            keep = !retiring;
            if (keep) {
                session = bound;
                boundAtNanos = System.nanoTime();
                lastFailure = null;
            }
        }
        if (!keep) {
            bound.unbind().whenComplete((ignored, error) -> retired.complete(null));
            return;
        }
        log.info("[{}] {} #{} bound to {} as {} ({})", config.smscId(), type.label(), index, bound.remoteAddress(),
                config.systemId(), bound.id());
        bound.closeFuture().whenComplete((ignored, error) -> closed(bound, error));
        onBound.run();
    }

    private void closed(ChannelSession lost, Throwable error) {
        boolean stop;
        synchronized (this) {
            if (session != lost) {
                return;
            }
            session = null;
            idleStatus = SessionState.CLOSED;
            idleSince = nowSeconds();
            lastFailure = BindFailure.sessionLost(error == null ? "" : describe(error), System.currentTimeMillis());
            if (System.nanoTime() - boundAtNanos >= config.reconnect().max().toNanos()) {
                // It was up long enough: this is a fresh problem, not one more in a series.
                failures = 0;
            }
            failures++;
            stop = retiring;
            if (!stop) {
                scheduleRetry();
            }
        }
        if (stop) {
            retired.complete(null);
        } else {
            log.info("[{}] {} #{} lost its connection {}; reconnecting", config.smscId(), type.label(), index, lost.id());
        }
    }

    /** Called holding the lock. */
    private void scheduleRetry() {
        Duration delay = config.reconnect().delay(failures, ThreadLocalRandom.current());
        try {
            retry = connector.group().schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
            nextAttemptAt = System.currentTimeMillis() + delay.toMillis();
        } catch (RejectedExecutionException e) {
            log.debug("[{}] not reconnecting: the event loops are shutting down", config.smscId());
        }
    }

    /**
     * Stops the slot: no more attempts; the bound session, if any, gets up to the drain timeout for
     * its submits in flight to be answered, then unbinds. Completes once the slot has no socket.
     */
    CompletableFuture<Void> retire() {
        ChannelSession current;
        boolean idle;
        synchronized (this) {
            if (retiring) {
                return retired;
            }
            retiring = true;
            if (retry != null) {
                retry.cancel(false);
            }
            current = session;
            idle = current == null && !connecting;
        }
        if (idle) {
            retired.complete(null);
        } else if (current != null) {
            drainThenUnbind(current, System.nanoTime() + config.drainTimeout().toNanos());
        }
        return retired;
    }

    private void drainThenUnbind(ChannelSession current, long deadlineNanos) {
        if (outstanding.get() == 0 || System.nanoTime() - deadlineNanos >= 0 || current.state() == SessionState.CLOSED) {
            current.unbind();
            return;
        }
        try {
            current.channel().eventLoop().schedule(() -> drainThenUnbind(current, deadlineNanos),
                    DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            current.close();
        }
    }

    /** Whether the gateway may hand this slot a submit now. */
    boolean canTransmit() {
        ChannelSession current = session;
        return type.transmits() && current != null && current.state().isTransmittable() && !isRetiring()
                && outstanding.get() < config.windowSize();
    }

    private synchronized boolean isRetiring() {
        return retiring;
    }

    /** Submits handed to this slot and not answered yet. */
    int load() {
        return outstanding.get();
    }

    /** Counts one more submit against the window, if it has room. */
    boolean tryReserve() {
        while (true) {
            int current = outstanding.get();
            if (current >= config.windowSize()) {
                return false;
            }
            if (outstanding.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /**
     * Sends a request reserved with {@link #tryReserve()} on the current session. It goes through
     * the session's event loop task queue so that requests keep the order they were sent in.
     * Fails with {@link RequestNotSentException} when there is no session to send on.
     */
    <R extends PduResponse> CompletableFuture<R> send(PduRequest<R> request) {
        CompletableFuture<R> result = new CompletableFuture<>();
        ChannelSession current = session;
        if (current == null) {
            settle(result, null, new RequestNotSentException("the bind has no session"));
            return result;
        }
        try {
            current.channel().eventLoop().execute(() -> current.send(request)
                    .whenComplete((response, failure) -> settle(result, response, failure)));
        } catch (RejectedExecutionException e) {
            settle(result, null, new RequestNotSentException("the session's event loop has stopped"));
        }
        return result;
    }

    /** Frees the window place before the caller hears of the outcome, so that it can reuse it at once. */
    private <R> void settle(CompletableFuture<R> result, R response, Throwable failure) {
        outstanding.decrementAndGet();
        if (failure != null) {
            result.completeExceptionally(FailureCause.of(failure));
        } else {
            result.complete(response);
        }
    }

    /** How the REST API shows this slot now. */
    GatewayConnection view() {
        ChannelSession current = session;
        if (current != null) {
            return new GatewayConnection(config.smscId(), type.label(), current.state().name(), current.id(),
                    config.systemType(), address(current.localAddress()), address(current.remoteAddress()),
                    current.inflightCount(), current.queueCount(), current.stateChangedAt(), null, 0);
        }
        synchronized (this) {
            return new GatewayConnection(config.smscId(), type.label(), idleStatus.name(), attemptId,
                    config.systemType(), "", "", 0, 0, idleSince, lastFailure, retiring ? 0 : nextAttemptAt);
        }
    }

    private static String address(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host + ":" + address.getPort();
    }

    private static String describe(Throwable failure) {
        Throwable cause = FailureCause.of(failure);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
