package io.smppgateway.runner.daemon;

import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.BusHealth;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bus as the consuming flows see it, with one switch the daemon throws first on shutdown:
 * {@link #stopConsuming()} ends every subscription, so no new SMS_OUT or DLR_OUT is taken while
 * the work in flight is still allowed to finish (and publish its DLR_IN). What is taken but not
 * finished when the bus closes goes back to it (NSQ requeues it), so nothing is lost.
 */
final class ConsumerGate implements MessageBus {

    private final MessageBus bus;
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    ConsumerGate(MessageBus bus) {
        this.bus = bus;
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, String body) {
        return bus.publish(topic, body);
    }

    @Override
    public CompletableFuture<Void> publishAll(Topic topic, java.util.List<String> bodies) {
        return bus.publishAll(topic, bodies);
    }

    @Override
    public CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason) {
        return bus.publishDeadLetter(topic, body, reason);
    }

    @Override
    public AutoCloseable consume(Topic topic, String channel, BusHandler handler) {
        if (stopped) {
            return () -> { };
        }
        AutoCloseable subscription = once(bus.consume(topic, channel, handler));
        subscriptions.add(subscription);
        return subscription;
    }

    /** Ends every subscription made through this gate (and any made later). */
    void stopConsuming() throws Exception {
        stopped = true;
        Exception failure = null;
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The flows close their subscription again when they close: the second close does nothing. */
    private static AutoCloseable once(AutoCloseable subscription) {
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
            }
        };
    }

    @Override
    public BusHealth health() {
        return bus.health();
    }

    /** The underlying bus is closed by its owner, after the flows. */
    @Override
    public void close() {
    }
}
