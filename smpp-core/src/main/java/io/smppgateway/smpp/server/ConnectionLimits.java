package io.smppgateway.smpp.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How many connections the server holds at once, in all and from one address (an IPv6 address by
 * its /64, as {@link BindThrottle} counts it). A connection beyond either bound is closed as it is
 * accepted, before TLS or any PDU, so that no peer can exhaust memory, file descriptors or the
 * accounts' bind slots by opening sockets. Thread-safe.
 */
final class ConnectionLimits {

    /** Why a connection was not admitted, or that it was. */
    enum Admission {
        ADMITTED,
        SERVER_FULL,
        ADDRESS_FULL
    }

    private final int maxConnections;
    private final int maxPerAddress;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int total;

    ConnectionLimits(int maxConnections, int maxPerAddress) {
        if (maxConnections < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new connection in when there is room for it; {@link #release} it when it closes. */
    synchronized Admission admit(InetAddress address) {
        if (total >= maxConnections) {
            return Admission.SERVER_FULL;
        }
        String key = BindThrottle.keyOf(address);
        int held = byAddress.getOrDefault(key, 0);
        if (held >= maxPerAddress) {
            return Admission.ADDRESS_FULL;
        }
        byAddress.put(key, held + 1);
        total++;
        return Admission.ADMITTED;
    }

    synchronized void release(InetAddress address) {
        String key = BindThrottle.keyOf(address);
        Integer held = byAddress.get(key);
        if (held == null) {
            return;
        }
        if (held <= 1) {
            byAddress.remove(key);
        } else {
            byAddress.put(key, held - 1);
        }
        total--;
    }

    synchronized int total() {
        return total;
    }

    synchronized int of(InetAddress address) {
        return byAddress.getOrDefault(BindThrottle.keyOf(address), 0);
    }
}
