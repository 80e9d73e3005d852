package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.BusDelivery;
import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consuming flow's side of the bus messages it holds: the subscription, handling that goes on
 * on the flow's pool rather than on the thread that completed a store or session future, and the
 * way a message goes back when its handling cannot go on (the pool full, a failure nobody
 * expected): after the retry delay, or with a backoff that doubles with its attempts.
 */
final class HeldMessages implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeldMessages.class);

    private final Topic topic;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats;
    private volatile AutoCloseable subscription;

    HeldMessages(Topic topic, FlowConfig config, FlowWorkers workers, FlowStats stats) {
        this.topic = topic;
        this.config = config;
        this.workers = workers;
        this.stats = stats;
    }

    /** Starts taking the topic's messages on the flow's channel. */
    void consume(MessageBus bus, BusHandler handler) {
        subscription = bus.consume(topic, config.channel(), handler);
    }

    /**
     * Runs a completion on the flow's pool. When the pool is full, or the action fails, the message
     * goes back after the retry delay and {@code onHandBack} runs (to release what the flow holds
     * for it).
     */
    <T> BiConsumer<T, Throwable> onWorkers(BusDelivery delivery, Runnable onHandBack, BiConsumer<T, Throwable> action) {
        return (value, failure) -> {
            Runnable task = () -> {
                try {
                    action.accept(value, failure);
                } catch (RuntimeException e) {
                    log.warn("{} handling failed; requeueing", topic, e);
                    onHandBack.run();
                    requeueQuietly(delivery);
                }
            };
            try {
                workers.execute(task);
            } catch (RejectedExecutionException full) {
                stats.increment("retry");
                onHandBack.run();
                requeueQuietly(delivery);
            }
        };
    }

    /** The delay before the message's next attempt: the retry delay, doubled per attempt, 32 times at most. */
    Duration backoff(BusDelivery delivery) {
        int doublings = Math.min(Math.max(delivery.attempts() - 1, 0), 5);
        return config.retryDelay().multipliedBy(1L << doublings);
    }

    /** Back after the retry delay, unless the message was settled meanwhile. */
    void requeueQuietly(BusDelivery delivery) {
        try {
            delivery.requeue(config.retryDelay());
        } catch (IllegalStateException alreadySettled) {
            log.debug("delivery already settled");
        }
    }

    /** Stops taking messages; what the flow holds it finishes or hands back itself. */
    @Override
    public void close() {
        AutoCloseable current = subscription;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.warn("stopping the {} consumer failed", topic, e);
            }
        }
    }
}
