package io.smppgateway.bridge.flow;

import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.store.receipt.QueuedReceipt;
import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.server.EsmeSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the receipts that wait in {@link PendingReceipts} for an ESME with no receiver bind, in
 * the order they were queued, once one of its receiving binds is up. It checks every
 * {@code drainInterval} (and at once on {@link #nudge}); for each client it delivers one receipt
 * at a time, the next only after the ESME answered the previous, so that the order holds even
 * over several receiving binds; delivered receipts are removed in batches. A crash between a
 * delivery and its removal delivers that receipt again: at least once.
 *
 * <p>While a client has a backlog, new receipts for it join the backlog instead of overtaking it
 * ({@link #hasBacklog}). The backlog mark is dropped only when a read finds nothing queued and no
 * receipt was appended meanwhile.
 *
 * <p>Instances sharing the store take turns: a drain runs only under the client's lease in the
 * store ({@link PendingReceipts#leaseDrain}), renewed before each batch and given back when the
 * backlog is empty, so two instances holding receiver binds of one client never deliver the same
 * receipts or change their order; a lease whose instance died passes on after {@link #LEASE}.
 * Another instance that queued a receipt says so ({@link #noticed}): the drain starts at once
 * rather than at the next check.
 */
final class PendingReceiptDrainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PendingReceiptDrainer.class);
    private static final int BATCH = 100;
    /** Every this many checks the backlog marks are refreshed from the store's counts. */
    private static final int REFRESH_EVERY = 30;
    /** How long a drain lease lasts unless renewed: longer than a batch of deliveries takes. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(30);

    private final PendingReceipts pending;
    private final InboundTracking inbound;
    private final EsmeSessions sessions;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats;
    private final String drainerId;
    private final Map<Long, Backlog> backlogs = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private volatile ScheduledFuture<?> schedule;

    /** One client's backlog: appends started (to tell a stale empty read), and whether a drain runs. */
    private static final class Backlog {
        final AtomicLong appends = new AtomicLong();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    /** @param drainerId who holds the drain leases, unique among the instances sharing the store */
    PendingReceiptDrainer(PendingReceipts pending, InboundTracking inbound, EsmeSessions sessions, FlowConfig config,
                          FlowWorkers workers, FlowStats stats, String drainerId) {
        this.drainerId = drainerId;
        this.pending = pending;
        this.inbound = inbound;
        this.sessions = sessions;
        this.config = config;
        this.workers = workers;
        this.stats = stats;
    }

    /** Loads which clients have receipts waiting (from before a restart) and starts the checks. */
    CompletableFuture<Void> start() {
        return refresh().thenRun(() -> {
            long every = config.drainInterval().toMillis();
            schedule = workers.timer().scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        });
    }

    private CompletableFuture<Void> refresh() {
        return pending.counts().thenAccept(counts -> counts.forEach((clientId, count) -> {
            if (count > 0) {
                backlogs.computeIfAbsent(clientId, id -> new Backlog());
            }
        }));
    }

    boolean hasBacklog(long clientId) {
        return backlogs.containsKey(clientId);
    }

    /** Called before a receipt is appended for the client, so that later ones queue behind it. */
    void markBacklog(long clientId) {
        backlogs.computeIfAbsent(clientId, id -> new Backlog()).appends.incrementAndGet();
    }

    /** Checks a client at once, e.g. when it has just bound a receiver. */
    void nudge(long clientId) {
        Backlog backlog = backlogs.get(clientId);
        if (backlog != null && sessions.hasReceiver(clientId)) {
            drain(clientId, backlog);
        }
    }

    /**
     * Some instance queued receipts for the client: when a receiver of it is bound here, drain now
     * (the lease decides which instance does).
     */
    void noticed(long clientId) {
        if (sessions.hasReceiver(clientId)) {
            markBacklog(clientId);
            nudge(clientId);
        }
    }

    /** How many clients have receipts waiting, as this instance knows. */
    int clientsWithBacklog() {
        return backlogs.size();
    }

    private void tick() {
        try {
            if (ticks.incrementAndGet() % REFRESH_EVERY == 0) {
                refresh().exceptionally(failure -> {
                    log.warn("cannot read the pending receipt counts: {}", failure.toString());
                    return null;
                });
            }
            backlogs.forEach((clientId, backlog) -> {
                if (sessions.hasReceiver(clientId)) {
                    drain(clientId, backlog);
                }
            });
        } catch (RuntimeException e) {
            log.warn("pending receipt check failed", e);
        }
    }

    private void drain(long clientId, Backlog backlog) {
        if (!backlog.draining.compareAndSet(false, true)) {
            return;
        }
        long appendsSeen = backlog.appends.get();
        long now = config.clock().millis();
        pending.leaseDrain(clientId, drainerId, now, now + LEASE.toMillis())
                .thenCompose(leased -> leased
                        ? pending.oldest(clientId, BATCH).thenComposeAsync(
                                receipts -> deliverBatch(clientId, receipts, appendsSeen, backlog), workers)
                        : CompletableFuture.completedFuture(Drained.LEASED_ELSEWHERE))
                .whenComplete((drained, failure) -> {
                    backlog.draining.set(false);
                    if (failure != null) {
                        log.info("receipts waiting for client {} not drained now: {}", clientId,
                                FailureCause.of(failure).toString());
                        release(clientId);
                    } else if (drained == Drained.MORE || backlog.appends.get() != appendsSeen) {
                        // a full batch went, or receipts were queued meanwhile: go on at once
                        try {
                            workers.execute(() -> nudge(clientId));
                        } catch (java.util.concurrent.RejectedExecutionException full) {
                            // the next check picks it up
                        }
                    } else if (drained != Drained.LEASED_ELSEWHERE) {
                        release(clientId);
                    }
                });
    }

    /** What one drain step ended with. */
    private enum Drained { MORE, DONE, LEASED_ELSEWHERE }

    private void release(long clientId) {
        pending.releaseDrain(clientId, drainerId).exceptionally(failure -> {
            log.debug("drain lease of client {} not given back ({}); it ends by itself", clientId, failure.toString());
            return null;
        });
    }

    /** Delivers a batch in order; says whether another batch may follow at once. */
    private CompletableFuture<Drained> deliverBatch(long clientId, List<QueuedReceipt> receipts, long appendsSeen,
                                                    Backlog backlog) {
        if (receipts.isEmpty()) {
            if (backlog.appends.get() == appendsSeen) {
                backlogs.remove(clientId, backlog);
            }
            return CompletableFuture.completedFuture(Drained.DONE);
        }
        List<Long> delivered = new ArrayList<>(receipts.size());
        return deliverFrom(clientId, receipts, 0, delivered).thenCompose(allDelivered -> {
            if (delivered.isEmpty()) {
                return CompletableFuture.completedFuture(Drained.DONE);
            }
            return pending.remove(clientId, delivered).thenApply(removed -> allDelivered ? Drained.MORE : Drained.DONE);
        });
    }

    /** Delivers receipts[index...] one after another; completes with whether all of them went. */
    private CompletableFuture<Boolean> deliverFrom(long clientId, List<QueuedReceipt> receipts, int index,
                                                   List<Long> delivered) {
        if (index == receipts.size()) {
            return CompletableFuture.completedFuture(true);
        }
        QueuedReceipt queued = receipts.get(index);
        return deliverOne(clientId, queued).thenComposeAsync(done -> {
            if (!done) {
                return CompletableFuture.completedFuture(false);
            }
            delivered.add(queued.id());
            return deliverFrom(clientId, receipts, index + 1, delivered);
        }, workers);
    }

    /** Completes with true when the receipt is done with (delivered, or refused for good), false to retry later. */
    private CompletableFuture<Boolean> deliverOne(long clientId, QueuedReceipt queued) {
        var receipt = queued.receipt();
        FinalStatus status = FinalStatus.of(receipt.status().wireName()).orElse(FinalStatus.UNKNOWN);
        return inbound.find(receipt.msgId()).thenCompose(found -> {
            if (found.isEmpty()) {
                stats.increment("unknown_msg_id");
                log.warn("a waiting receipt for client {} names msg_id {}, which is no longer tracked: dropped",
                        clientId, receipt.msgId());
                return CompletableFuture.completedFuture(true);
            }
            return sessions.deliver(clientId, EsmeReceipt.of(found.get(), status, receipt.errCode(),
                    receipt.doneTime(), config.receiptZone())).handle((response, failure) -> {
                        if (failure != null) {
                            return false;
                        }
                        int answer = response.commandStatus();
                        if (answer == 0) {
                            stats.increment("delivered");
                            return true;
                        }
                        if (ReceiptFlow.isTemporary(answer)) {
                            return false;
                        }
                        stats.increment("refused_by_esme");
                        log.warn("client {} refused the receipt for {} with {}", clientId, receipt.msgId(),
                                CommandStatus.nameOf(answer));
                        return true;
                    });
        });
    }

    static MessageStatus storedStatus(FinalStatus status) {
        return MessageStatus.of(status.value());
    }

    @Override
    public void close() {
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
    }
}
