package io.smppgateway.http.live;

import java.util.Objects;

/**
 * How full one bounded queue is.
 *
 * @param queue    what it holds, e.g. "sms_out", "pending_receipts", "database_writes"
 * @param peer     the smsc_id or username it belongs to, or empty for a shared queue
 * @param depth    entries waiting now
 * @param capacity its bound
 */
public record QueueDepth(String queue, String peer, long depth, long capacity) {

    public QueueDepth {
        Objects.requireNonNull(queue, "queue");
        peer = peer == null ? "" : peer;
    }
}
