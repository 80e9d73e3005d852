package io.smppgateway.smpp.client;

import io.netty.handler.ssl.SslContext;
import io.smppgateway.smpp.client.GatewayUnavailableException.Reason;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.RequestNotSentException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP client side of one gateway (one SMSC): keeps its {@code tx_binds}, {@code rx_binds}
 * and {@code trx_binds} sessions bound (each a {@link BindSlot} with its own reconnect loop), and
 * sends submits over the transmitting binds.
 *
 * <p>A submit goes to the least loaded bound tx or trx session with room in its window. When none
 * has room (none bound, or all windows full) it waits in the gateway's queue, in submit order, up
 * to {@link GatewayConfig#queueCapacity()}; {@link #queueCount()} is the REST API's
 * {@code queue_count}. The future completes with the SMSC's submit_sm_resp whatever its status
 * (throttling answers are retried by the session, in order), or fails with:
 * <ul>
 *   <li>{@link io.smppgateway.smpp.session.SessionClosedException} or
 *       {@link io.smppgateway.smpp.session.ResponseTimeoutException}: it was sent and the SMSC may
 *       have acted on it; the caller decides whether to resend;</li>
 *   <li>{@link GatewayUnavailableException}: it was never sent (gateway stopped, queue full, no
 *       transmitting bind configured).</li>
 * </ul>
 * A submit that its session could not send (it closed first) goes back to the gateway's queue
 * and out again after the rebind. Futures complete on an event loop: never block in a callback.
 *
 * <p>deliver_sm, data_sm and alert_notification from the SMSC go to the host's
 * {@link RequestHandler}; the response goes out when its future completes.
 */
public final class GatewayClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private final SmppConnector connector;
    private final boolean ownsConnector;
    private final RequestHandler inbound;
    private final PduListener pduListener;
    private final Object lock = new Object();
    private final AtomicInteger drainers = new AtomicInteger();

    // Guarded by lock.
    private GatewayConfig config;
    private List<BindSlot> slots = List.of();
    private final List<BindSlot> retiring = new ArrayList<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(Comparator.comparingLong(Pending::order));
    private CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> stopped;
    private long submitOrder;
    private int rotation;

    /** A submit the gateway holds; {@code order} keeps submit order when one comes back to the queue. */
    private record Pending(long order, SubmitSm pdu, CompletableFuture<SubmitSmResp> future) {
    }

    private GatewayClient(GatewayConfig config, SmppConnector connector, boolean ownsConnector,
                          RequestHandler inbound, PduListener pduListener) {
        this.config = config;
        this.connector = connector;
        this.ownsConnector = ownsConnector;
        this.inbound = inbound;
        this.pduListener = pduListener == null ? PduListener.NONE : pduListener;
    }

    /**
     * Starts binding with the connector's event loops (shared with other gateways).
     *
     * @param inbound what to do with deliver_sm and data_sm from the SMSC
     */
    public static GatewayClient start(GatewayConfig config, SmppConnector connector, RequestHandler inbound,
                                      PduListener pduListener) {
        GatewayClient client = new GatewayClient(config, connector, false, inbound, pduListener);
        client.startSlots(config, config.tls().sslContext());
        return client;
    }

    /** Starts binding on event loops of its own, which {@link #close()} shuts down. */
    public static GatewayClient start(GatewayConfig config, RequestHandler inbound) {
        GatewayClient client = new GatewayClient(config, new SmppConnector(), true, inbound, PduListener.NONE);
        client.startSlots(config, config.tls().sslContext());
        return client;
    }

    public GatewayConfig config() {
        synchronized (lock) {
            return config;
        }
    }

    public String smscId() {
        return config().smscId();
    }

    /**
     * Sends a submit_sm over one of the transmitting binds, with source and destination TON/NPI
     * set by the gateway's rules. See the class comment for the outcomes.
     */
    public CompletableFuture<SubmitSmResp> submit(SubmitSm submit) {
        CompletableFuture<SubmitSmResp> future = new CompletableFuture<>();
        synchronized (lock) {
            if (stopped != null) {
                return CompletableFuture.failedFuture(unavailable(Reason.STOPPED, "stopped"));
            }
            if (config.transmitterBinds() == 0) {
                return CompletableFuture.failedFuture(unavailable(Reason.NO_TRANSMITTER,
                        "no transmitter or transceiver binds configured"));
            }
            if (queue.size() >= config.queueCapacity()) {
                return CompletableFuture.failedFuture(unavailable(Reason.QUEUE_FULL,
                        "the queue holds " + queue.size() + " submits, its capacity"));
            }
            SubmitSm addressed = submit.toBuilder()
                    .source(config.source().apply(submit.source().address()))
                    .destination(config.destination().apply(submit.destination().address()))
                    .build();
            queue.add(new Pending(submitOrder++, addressed, future));
        }
        drain();
        return future;
    }

    /** Submits waiting in the gateway's queue for a bind with room (the REST API's {@code queue_count}). */
    public int queueCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Every bind of the gateway, including those connecting, waiting to reconnect or unbinding. */
    public List<GatewayConnection> connections() {
        List<BindSlot> all;
        synchronized (lock) {
            all = new ArrayList<>(slots);
            all.addAll(retiring);
        }
        return all.stream().map(BindSlot::view).toList();
    }

    /**
     * Applies new settings. When anything about the connections changed (address, credentials,
     * version, bind counts, window, TLS, timers), every bind drains, unbinds and binds again with
     * the new settings, a slot reconnecting only once the old one has closed; submits meanwhile wait
     * in the queue. Changed TON/NPI rules, backoff or queue capacity apply at once without a rebind.
     * Completes when the new binds have started connecting.
     */
    public CompletableFuture<Void> update(GatewayConfig next) {
        // A bad trust store fails here, before the working binds are touched.
        SslContext ssl = next.tls().sslContext();
        List<BindSlot> old;
        CompletableFuture<Void> oldClosed = new CompletableFuture<>();
        CompletableFuture<Void> gone;
        synchronized (lock) {
            if (stopped != null) {
                return CompletableFuture.failedFuture(unavailable(Reason.STOPPED, "stopped; start a new client"));
            }
            if (!next.smscId().equals(config.smscId())) {
                throw new IllegalArgumentException("update for " + next.smscId() + " sent to " + config.smscId());
            }
            GatewayConfig current = config;
            config = next;
            if (!next.needsRebindFrom(current)) {
                return CompletableFuture.completedFuture(null);
            }
            if (next.bindsLike(current) && settled.isDone()) {
                return resize(next, ssl);
            }
            old = slots;
            slots = List.of();
            retiring.addAll(old);
            // New binds wait for every older one, this update's and any earlier update's, to close.
            gone = CompletableFuture.allOf(settled, oldClosed);
            settled = gone;
        }
        log.info("[{}] settings changed: rebinding {} binds", next.smscId(), old.size());
        retireAll(old).whenComplete((ignored, failure) -> oldClosed.complete(null));
        return gone.thenRun(() -> startSlots(next, ssl));
    }

    /**
     * Stops the gateway: queued submits fail with {@link Reason#STOPPED}, every bind drains (up to
     * the drain timeout) and unbinds in parallel. Completes when all are closed, or after the drain
     * and unbind timeouts and a second, whichever comes first.
     */
    public CompletableFuture<Void> stop() {
        List<BindSlot> old;
        List<Pending> dropped;
        CompletableFuture<Void> previous;
        GatewayConfig current;
        synchronized (lock) {
            if (stopped != null) {
                return stopped;
            }
            stopped = new CompletableFuture<>();
            current = config;
            old = slots;
            slots = List.of();
            retiring.addAll(old);
            dropped = new ArrayList<>(queue);
            queue.clear();
            previous = settled;
        }
        for (Pending pending : dropped) {
            pending.future.completeExceptionally(unavailable(Reason.STOPPED, "stopped before the submit was sent"));
        }
        long boundMillis = current.drainTimeout().plus(current.unbindTimeout()).plusSeconds(1).toMillis();
        CompletableFuture.allOf(previous, retireAll(old))
                .completeOnTimeout(null, boundMillis, TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> stopped.complete(null));
        log.info("[{}] stopping: unbinding {} binds", current.smscId(), old.size());
        return stopped;
    }

    public boolean isStopped() {
        synchronized (lock) {
            return stopped != null;
        }
    }

    /** Stops (waiting for the unbinds, bounded as {@link #stop()}) and releases event loops it owns. */
    @Override
    public void close() {
        try {
            stop().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("[{}] stop did not finish cleanly: {}", smscId(), e.toString());
        }
        if (ownsConnector) {
            connector.close();
        }
    }

    // ---- binds ----

    private void startSlots(GatewayConfig settings, SslContext ssl) {
        List<BindSlot> created = new ArrayList<>();
        addSlots(created, settings, BindType.TRANSMITTER, settings.txBinds(), ssl);
        addSlots(created, settings, BindType.RECEIVER, settings.rxBinds(), ssl);
        addSlots(created, settings, BindType.TRANSCEIVER, settings.trxBinds(), ssl);
        synchronized (lock) {
            // A later update (or stop) that came meanwhile starts its own binds, or none.
            if (stopped != null || config != settings) {
                return;
            }
            slots = List.copyOf(created);
        }
        created.forEach(BindSlot::start);
    }

    /**
     * Only the numbers of binds changed: the binds that stay keep their sessions (and what they
     * have in flight), the surplus of each type drains and unbinds, the missing ones start. Called
     * under the lock.
     */
    private CompletableFuture<Void> resize(GatewayConfig next, SslContext ssl) {
        List<BindSlot> kept = new ArrayList<>();
        List<BindSlot> surplus = new ArrayList<>();
        List<BindSlot> added = new ArrayList<>();
        for (BindType type : List.of(BindType.TRANSMITTER, BindType.RECEIVER, BindType.TRANSCEIVER)) {
            int wanted = next.binds(type);
            int have = 0;
            for (BindSlot slot : slots) {
                if (slot.type() != type) {
                    continue;
                }
                if (have < wanted) {
                    kept.add(slot);
                    have++;
                } else {
                    surplus.add(slot);
                }
            }
            int highest = slots.stream().filter(slot -> slot.type() == type).mapToInt(BindSlot::index).max().orElse(0);
            for (int i = have; i < wanted; i++) {
                added.add(new BindSlot(next, type, ++highest, connector, ssl, inbound, pduListener, this::drain));
            }
        }
        kept.addAll(added);
        slots = List.copyOf(kept);
        retiring.addAll(surplus);
        log.info("[{}] bind count changed: {} kept, {} added, {} closing", next.smscId(), kept.size() - added.size(),
                added.size(), surplus.size());
        added.forEach(BindSlot::start);
        return retireAll(surplus);
    }

    private void addSlots(List<BindSlot> into, GatewayConfig settings, BindType type, int count, SslContext ssl) {
        for (int i = 1; i <= count; i++) {
            into.add(new BindSlot(settings, type, i, connector, ssl, inbound, pduListener, this::drain));
        }
    }

    private CompletableFuture<Void> retireAll(List<BindSlot> old) {
        return CompletableFuture.allOf(old.stream()
                .map(slot -> slot.retire().whenComplete((ignored, failure) -> {
                    synchronized (lock) {
                        retiring.remove(slot);
                    }
                }))
                .toArray(CompletableFuture[]::new));
    }

    // ---- dispatch ----

    /**
     * Hands queued submits to binds with room. One thread at a time does it (others leave a note
     * and return), so that submits reach each session in queue order.
     */
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            drainOnce();
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainOnce() {
        while (true) {
            Pending next;
            BindSlot slot;
            synchronized (lock) {
                if (queue.isEmpty()) {
                    return;
                }
                slot = reserveLeastLoaded();
                if (slot == null) {
                    return;
                }
                next = queue.poll();
            }
            slot.send(next.pdu).whenComplete((response, failure) -> finished(next, response, failure));
        }
    }

    /** Called holding the lock: the bound transmitting slot with the fewest submits out, taken in turn on ties. */
    private BindSlot reserveLeastLoaded() {
        int count = slots.size();
        while (true) {
            BindSlot best = null;
            for (int i = 0; i < count; i++) {
                BindSlot candidate = slots.get((rotation + i) % count);
                if (candidate.canTransmit() && (best == null || candidate.load() < best.load())) {
                    best = candidate;
                }
            }
            if (best == null) {
                return null;
            }
            if (best.tryReserve()) {
                rotation = (rotation + 1) % count;
                return best;
            }
        }
    }

    private void finished(Pending pending, SubmitSmResp response, Throwable failure) {
        if (failure == null) {
            pending.future.complete(response);
        } else if (failure instanceof RequestNotSentException) {
            boolean requeued;
            synchronized (lock) {
                requeued = stopped == null;
                if (requeued) {
                    queue.add(pending);
                }
            }
            if (!requeued) {
                pending.future.completeExceptionally(unavailable(Reason.STOPPED, "stopped before the submit was sent"));
            }
        } else {
            pending.future.completeExceptionally(failure);
        }
        drain();
    }

    private GatewayUnavailableException unavailable(Reason reason, String message) {
        return new GatewayUnavailableException(config().smscId(), reason, message);
    }

    @Override
    public String toString() {
        return "GatewayClient[" + config() + "]";
    }
}
