package io.smppgateway.store.receipt;

import io.smppgateway.store.PersistenceException;

/**
 * A client already has the most receipts allowed waiting for its receiver bind. The application's
 * DLR_OUT should be requeued or dropped with a log line; storing more would only grow without bound.
 */
public final class PendingReceiptsFullException extends PersistenceException {

    private final long clientId;
    private final int bound;

    public PendingReceiptsFullException(long clientId, int bound) {
        super("client " + clientId + " already has " + bound + " receipts waiting for a receiver bind"
                + " (the limit): bind a receiver to drain them");
        this.clientId = clientId;
        this.bound = bound;
    }

    public long clientId() {
        return clientId;
    }

    public int bound() {
        return bound;
    }
}
