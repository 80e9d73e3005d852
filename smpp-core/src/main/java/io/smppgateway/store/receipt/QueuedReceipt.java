package io.smppgateway.store.receipt;

/** A pending receipt as stored; {@code id} orders the queue and names it for removal after delivery. */
public record QueuedReceipt(long id, PendingReceipt receipt) {
}
