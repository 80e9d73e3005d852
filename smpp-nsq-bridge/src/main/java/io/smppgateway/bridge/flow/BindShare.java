package io.smppgateway.bridge.flow;

import io.smppgateway.store.gateway.Gateway;
import java.util.List;

/**
 * The binds of a gateway that one instance opens when several instances share the SMSC account:
 * the gateway's {@code tx_binds}, {@code rx_binds} and {@code trx_binds} are what the SMSC sees in
 * total (providers cap binds per account), spread over the live instances.
 *
 * <p>The binds are dealt out in turn, transmitting ones first (transceivers, then transmitters,
 * then receivers), starting at an instance chosen by the gateway's id so that the gateways' first
 * binds do not all land on the same instance. Every instance computes the same deal from the same
 * list of live instances (ordered by start), so nothing is negotiated; when the list changes, each
 * instance opens or closes the binds its share gained or lost.
 *
 * @param tx  transmitter binds this instance opens
 * @param rx  receiver binds this instance opens
 * @param trx transceiver binds this instance opens
 */
public record BindShare(int tx, int rx, int trx) {

    public BindShare {
        if (tx < 0 || rx < 0 || trx < 0) {
            throw new IllegalArgumentException("bind counts cannot be negative: " + tx + "/" + rx + "/" + trx);
        }
    }

    /** No bind at all. */
    public static final BindShare NONE = new BindShare(0, 0, 0);

    /** Every bind of the gateway: one instance alone. */
    public static BindShare all(Gateway gateway) {
        return new BindShare(gateway.txBinds(), gateway.rxBinds(), gateway.trxBinds());
    }

    /**
     * This instance's share of the gateway's binds.
     *
     * @param live the live instances in the order every instance sees them (by start); when
     *             {@code self} is not among them (the others take it as gone: its heartbeat
     *             failed), it opens none, the others holding them
     */
    public static BindShare of(Gateway gateway, List<String> live, String self) {
        int position = live.indexOf(self);
        if (position < 0) {
            return NONE;
        }
        if (live.size() == 1) {
            return all(gateway);
        }
        int instances = live.size();
        int first = (int) Math.floorMod(gateway.id(), (long) instances);
        int slot = 0;
        int[] counts = new int[3];
        int[] perType = {gateway.trxBinds(), gateway.txBinds(), gateway.rxBinds()};
        for (int type = 0; type < perType.length; type++) {
            for (int i = 0; i < perType[type]; i++, slot++) {
                if ((first + slot) % instances == position) {
                    counts[type]++;
                }
            }
        }
        return new BindShare(counts[1], counts[2], counts[0]);
    }

    /** Whether this share can submit (a transmitter or a transceiver). */
    public boolean transmits() {
        return tx + trx > 0;
    }

    public int total() {
        return tx + rx + trx;
    }
}
