package io.smppgateway.persistence;

/**
 * Counters of the group-commit writer, for metrics: {@code writes / transactions} is the average
 * batch, {@code pending} what waits now, {@code capacity} how many writes may wait (all lanes).
 */
public record WriteStats(long transactions, long writes, int pending, int capacity) {
}
