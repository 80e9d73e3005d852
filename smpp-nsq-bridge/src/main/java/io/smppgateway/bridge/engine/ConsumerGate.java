package io.smppgateway.bridge.engine;

import io.smppgateway.bridge.bus.BusDelivery;
import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.BusHealth;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.ReceiptNotices;
import io.smppgateway.bridge.bus.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus as the consuming flows see it, with the switch the engine throws first on shutdown.
 * {@link #stopTaking()} returns at once: every subscription starts to close (nsqd sends nothing
 * new), a message handed over but not yet handled goes straight back, and from then on every
 * requeue is immediate (REQ 0) whatever delay the flow asked for: a message the gateway held
 * without sending it (its SMSC down, its submit queued) goes back so that nsqd redelivers it at
 * once, not after a backoff or the msg_timeout. Work in flight may still finish and publish its
 * DLR_IN. {@link #awaitHandedBack()} waits until every subscription is closed, i.e. until every
 * held message was finished or handed back.
 */
final class ConsumerGate implements MessageBus {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGate.class);

    private final MessageBus bus;
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> closing = new CopyOnWriteArrayList<>();
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
        return gated(handler, gate -> bus.consume(topic, channel, gate));
    }

    @Override
    public boolean reachesOtherInstances() {
        return bus.reachesOtherInstances();
    }

    @Override
    public CompletableFuture<Void> handOff(String smscId, String body) {
        return bus.handOff(smscId, body);
    }

    @Override
    public AutoCloseable consumeHandOffs(String smscId, String channel, BusHandler handler) {
        return gated(handler, gate -> bus.consumeHandOffs(smscId, channel, gate));
    }

    private AutoCloseable gated(BusHandler handler, java.util.function.Function<BusHandler, AutoCloseable> subscribe) {
        if (stopped) {
            return () -> { };
        }
        AutoCloseable subscription = once(subscribe.apply(delivery -> {
            if (stopped) {
                delivery.requeue(Duration.ZERO);
            } else {
                handler.handle(new HandedBackOnStop(delivery));
            }
        }));
        subscriptions.add(subscription);
        // a subscription its owner closes (a hand-off consumer whose SMSC moved) leaves the list
        return () -> {
            subscriptions.remove(subscription);
            subscription.close();
        };
    }

    /**
     * Takes nothing more: every subscription (and any made later) starts closing, each on its own
     * thread; returns at once.
     */
    void stopTaking() {
        stopped = true;
        int index = 0;
        for (AutoCloseable subscription : subscriptions) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    subscription.close();
                    closed.complete(null);
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
            }, "stop-consumer-" + ++index);
            thread.setDaemon(true);
            thread.start();
            closing.add(closed);
        }
    }

    /** Waits until every subscription closed: what it held is finished or back on the bus. */
    void awaitHandedBack() throws Exception {
        if (!stopped) {
            stopTaking();
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> closed : closing) {
            try {
                closed.join();
            } catch (RuntimeException e) {
                failures.add(e.getCause() != null ? e.getCause() : e);
            }
        }
        if (!failures.isEmpty()) {
            log.warn("{} consumer(s) did not close cleanly: {}", failures.size(), failures);
            throw new IllegalStateException("closing a consumer failed: " + failures.get(0), failures.get(0));
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

    @Override
    public ReceiptNotices receiptNotices() {
        return bus.receiptNotices();
    }

    /** The underlying bus is closed by its owner, after the flows. */
    @Override
    public void close() {
    }

    /** A delivery whose requeue is immediate once the gate is stopped. */
    private final class HandedBackOnStop implements BusDelivery {

        private final BusDelivery delivery;

        HandedBackOnStop(BusDelivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public String body() {
            return delivery.body();
        }

        @Override
        public int attempts() {
            return delivery.attempts();
        }

        @Override
        public void finish() {
            delivery.finish();
        }

        @Override
        public void requeue(Duration delay) {
            delivery.requeue(stopped ? Duration.ZERO : delay);
        }

        @Override
        public void touch() {
            delivery.touch();
        }
    }
}
