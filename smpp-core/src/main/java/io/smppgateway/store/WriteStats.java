package io.smppgateway.store;

/**
 * Counters of the stores' queued writes, for metrics: {@code writes / transactions} is the average
 * batch, {@code pending} what waits now, {@code capacity} how many writes may wait (all lanes), so
 * that a write queue filling up shows before the stores refuse work.
 */
public record WriteStats(long transactions, long writes, int pending, int capacity) {
}
