package io.smppgateway.http.engine;

/**
 * The PDU log writer's queue as {@code /metrics} shows it ({@code smpp_queue_depth{queue="pdu_log"}}
 * and {@code smpp_pdu_log_dropped_total}). It is a view of this module's own so that the writer may
 * be the daemon's or a host's, wherever it lives: the host passes a lambda that reads its counters.
 * Called from HTTP worker threads: it must only read counters.
 */
@FunctionalInterface
public interface PduLogQueue {

    /** No PDU log: nothing queued, nothing dropped. */
    PduLogQueue NONE = () -> new Stats(0, 0, 0, 0, 0);

    Stats stats();

    /**
     * @param queued    entries waiting to be written now
     * @param capacity  how many may wait before new ones are dropped
     * @param dropped   entries dropped so far because the queue was full
     * @param failed    entries lost so far because the disk refused them
     * @param overLimit entries left out so far because their day's file was full
     */
    record Stats(int queued, int capacity, long dropped, long failed, long overLimit) {
    }
}
