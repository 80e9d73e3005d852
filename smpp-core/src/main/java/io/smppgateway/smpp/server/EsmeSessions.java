package io.smppgateway.smpp.server;

import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.session.SmppSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's live binds by account: counts binds against the account's limit, and spreads
 * deliveries round-robin over the account's receiving binds.
 */
public final class EsmeSessions {

    private final Map<Long, List<BoundEsme>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, BoundEsme> bySession = new ConcurrentHashMap<>();
    /** Per live session: completes once the session has closed and left this registry. */
    private final Map<String, CompletableFuture<Void>> releasedBySession = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();

    /** Registers a bind if the account has room for one more; false when it is at its limit. */
    synchronized boolean tryAdd(EsmeAccount account, SmppSession session) {
        List<BoundEsme> binds = byAccount.computeIfAbsent(account.id(), id -> new CopyOnWriteArrayList<>());
        if (binds.size() >= account.maxBinds()) {
            return false;
        }
        BoundEsme bound = new BoundEsme(account, session);
        binds.add(bound);
        bySession.put(session.id(), bound);
        CompletableFuture<Void> released = new CompletableFuture<>();
        releasedBySession.put(session.id(), released);
        session.closeFuture().whenComplete((ignored, failure) -> {
            remove(bound);
            released.complete(null);
        });
        return true;
    }

    private synchronized void remove(BoundEsme bound) {
        bySession.remove(bound.session().id());
        releasedBySession.remove(bound.session().id());
        List<BoundEsme> binds = byAccount.get(bound.account().id());
        if (binds != null) {
            binds.remove(bound);
            if (binds.isEmpty()) {
                byAccount.remove(bound.account().id());
            }
        }
    }

    /**
     * Unbinds every session of an account; completes once each has closed and left the registry,
     * so {@link #ofAccount} no longer lists them.
     */
    CompletableFuture<Void> unbindAccount(long accountId) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        for (BoundEsme bound : ofAccount(accountId)) {
            CompletableFuture<Void> whenReleased = releasedBySession.get(bound.session().id());
            bound.session().unbind();
            if (whenReleased != null) {
                released.add(whenReleased);
            }
        }
        return CompletableFuture.allOf(released.toArray(CompletableFuture[]::new));
    }

    /** The bind a session belongs to, or {@code null} before it is bound. */
    public BoundEsme ofSession(String sessionId) {
        return bySession.get(sessionId);
    }

    public List<BoundEsme> ofAccount(long accountId) {
        List<BoundEsme> binds = byAccount.get(accountId);
        return binds == null ? List.of() : List.copyOf(binds);
    }

    public List<BoundEsme> all() {
        return new ArrayList<>(bySession.values());
    }

    /** Whether the account has a bind that can receive deliver_sm now. */
    public boolean hasReceiver(long accountId) {
        return ofAccount(accountId).stream().anyMatch(b -> b.session().state().isReceivable());
    }

    /**
     * Sends a deliver_sm to one of the account's receiving binds, the least loaded of them taken in
     * turn; fails with {@link NoReceiverException} when there is none.
     */
    public CompletableFuture<DeliverSmResp> deliver(long accountId, DeliverSm deliverSm) {
        List<SmppSession> receivers = new ArrayList<>();
        for (BoundEsme bind : ofAccount(accountId)) {
            if (bind.session().state().isReceivable()) {
                receivers.add(bind.session());
            }
        }
        if (receivers.isEmpty()) {
            return CompletableFuture.failedFuture(new NoReceiverException(accountId));
        }
        int start = Math.floorMod(roundRobin.getAndIncrement(), receivers.size());
        SmppSession chosen = receivers.get(start);
        for (int i = 1; i < receivers.size(); i++) {
            SmppSession candidate = receivers.get((start + i) % receivers.size());
            if (load(candidate) < load(chosen)) {
                chosen = candidate;
            }
        }
        return chosen.send(deliverSm);
    }

    private static int load(SmppSession session) {
        return session.inflightCount() + session.queueCount();
    }
}
