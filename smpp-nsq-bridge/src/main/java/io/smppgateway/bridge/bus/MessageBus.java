package io.smppgateway.bridge.bus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The port between the gateway's message flows and the application: NSQ topics in production
 * ({@code NsqMessageBus}), or in-process queues for the embedded default and for host applications
 * that want Java callbacks ({@link InProcessMessageBus}).
 */
public interface MessageBus extends AutoCloseable {

    /** Publishes one body; completes only once the bus has accepted it (for NSQ: nsqd's OK). */
    CompletableFuture<Void> publish(Topic topic, String body);

    /**
     * Publishes several bodies to one topic; completes once the bus accepted them all. NSQ takes
     * them in one MPUB, all or none; the default publishes one by one, so after a failure some may
     * have been published.
     */
    default CompletableFuture<Void> publishAll(Topic topic, List<String> bodies) {
        return CompletableFuture.allOf(bodies.stream().map(body -> publish(topic, body))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Parks a body that can never be processed (not JSON, no msg_id) on the topic's dead-letter
     * destination, so that it is kept for inspection and never blocks the queue.
     */
    CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason);

    /** Starts consuming a topic on a channel; the returned handle stops it. */
    AutoCloseable consume(Topic topic, String channel, BusHandler handler);

    /**
     * Whether other gateway instances read the same topics through this bus (NSQ), so that work
     * one instance cannot do itself (an SMS_OUT for an SMSC it holds no transmitting bind to) can
     * be handed to another. The in-process bus reaches this process only.
     */
    boolean reachesOtherInstances();

    /**
     * Hands an SMS_OUT to the instances that hold a transmitting bind of its SMSC: a durable queue
     * per {@code smsc_id}, which they consume ({@link #consumeHandOffs}) and where it waits while
     * none does. Completes once the bus has it.
     */
    CompletableFuture<Void> handOff(String smscId, String body);

    /** Consumes the SMS_OUT handed off to an SMSC, on a channel; the returned handle stops it. */
    AutoCloseable consumeHandOffs(String smscId, String channel, BusHandler handler);

    /**
     * The hints that receipts wait for a client, heard by every instance sharing this bus; closed
     * with the bus.
     */
    ReceiptNotices receiptNotices();

    /** Whether the bus can carry messages now, and what it is connected to. */
    BusHealth health();

    /** Stops consuming and publishing; unsettled messages go back to the bus. */
    @Override
    void close();
}
