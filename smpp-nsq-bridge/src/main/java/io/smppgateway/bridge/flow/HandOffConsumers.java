package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.MessageBus;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS_OUT other instances handed to this one: while this instance's share of a gateway's
 * binds can transmit, it consumes that gateway's hand-off queue ({@link MessageBus#handOff}), and
 * stops when the share loses its transmitting binds (what it held goes back to the queue for
 * the instances that have them).
 */
final class HandOffConsumers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandOffConsumers.class);

    private final MessageBus bus;
    private final String channel;
    private final BusHandler handler;
    private final Map<String, AutoCloseable> consuming = new HashMap<>();
    private boolean closed;

    HandOffConsumers(MessageBus bus, String channel, BusHandler handler) {
        this.bus = bus;
        this.channel = channel;
        this.handler = handler;
    }

    /** Consumes the hand-offs of exactly these smsc_ids from now on. */
    synchronized void transmitting(Set<String> smscIds) {
        if (closed) {
            return;
        }
        for (String smscId : Set.copyOf(consuming.keySet())) {
            if (!smscIds.contains(smscId)) {
                log.info("SMS_OUT handed off for {}: no longer taken here (this instance's binds to it do not"
                        + " transmit now)", smscId);
                stop(smscId, consuming.remove(smscId));
            }
        }
        for (String smscId : smscIds) {
            if (!consuming.containsKey(smscId)) {
                consuming.put(smscId, bus.consumeHandOffs(smscId, channel, handler));
                log.info("SMS_OUT handed off for {} by other instances: taken here", smscId);
            }
        }
    }

    private static void stop(String smscId, AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("stopping the hand-off consumer of {} failed", smscId, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        consuming.forEach(HandOffConsumers::stop);
        consuming.clear();
    }
}
