package io.smppgateway.persistence;

/**
 * Counters of the group-commit writer, for metrics: {@code writes / transactions} is the average
 * batch, {@code pending} what waits now.
 */
public record WriteStats(long transactions, long writes, int pending) {
}
