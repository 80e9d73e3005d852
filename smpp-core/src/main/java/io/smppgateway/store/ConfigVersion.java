package io.smppgateway.store;

/**
 * A number that grows with every change to the stored gateways and clients, whichever instance made
 * it: each create, update and delete raises it in the same transaction. An instance reads this one
 * number every second and reads the gateways and clients tables only when it moved, so the
 * configuration sync of many instances costs the database one small read per instance per second
 * instead of two table scans.
 */
public interface ConfigVersion {

    /** The current version; two reads with the same value saw the same gateways and clients. */
    long current();
}
