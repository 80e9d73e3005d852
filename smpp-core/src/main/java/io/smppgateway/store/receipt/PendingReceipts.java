package io.smppgateway.store.receipt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receipts waiting, durably and in order, for an ESME with no receiver bind. Delivery is
 * at-least-once: read the oldest, deliver them, then remove them; after a crash in between they
 * are delivered again. Each client's queue is bounded.
 */
public interface PendingReceipts {

    /**
     * Queues a receipt at the end of its client's queue; fails with
     * {@link PendingReceiptsFullException} when that queue is at its bound.
     */
    CompletableFuture<Void> append(PendingReceipt receipt);

    /** The oldest receipts of a client, in the order they were appended, at most {@code limit}. */
    CompletableFuture<List<QueuedReceipt>> oldest(long clientId, int limit);

    /** Removes delivered receipts; completes with how many were removed. */
    CompletableFuture<Integer> remove(long clientId, List<Long> ids);

    /** How many receipts wait for a client. */
    CompletableFuture<Integer> count(long clientId);

    /** How many receipts wait, per client that has any. */
    CompletableFuture<Map<Long, Integer>> counts();

    /**
     * Takes (or renews) the lease to deliver a client's waiting receipts: only the lease's holder
     * delivers them, so that instances sharing the store never deliver one twice or out of order.
     * It is granted when no one holds it, when {@code drainer} already does, or when the holder's
     * lease ended before {@code now} (it died while draining). A client with nothing ever queued
     * has nothing to drain: not granted.
     *
     * @param drainer who asks, e.g. the instance id
     * @param until   the end of the lease, unix milliseconds
     * @return whether {@code drainer} holds the lease until {@code until}
     */
    CompletableFuture<Boolean> leaseDrain(long clientId, String drainer, long now, long until);

    /** Gives the lease back (when {@code drainer} holds it), so that another instance may drain at once. */
    CompletableFuture<Void> releaseDrain(long clientId, String drainer);
}
