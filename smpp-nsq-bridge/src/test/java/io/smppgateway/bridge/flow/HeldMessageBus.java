package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A bus in front of a real one whose SMS_IN publishes wait until the test releases them (or fail
 * them), so that a test can see what happens before the bus has accepted a message.
 */
final class HeldMessageBus implements MessageBus {

    /** One publish that waits: release it to publish for real, or fail it. */
    /** @param thread the name of the thread that asked for the publish */
    record HeldPublish(String body, String thread, Runnable release, Runnable fail) {
    }

    private final MessageBus inner;
    private final BlockingQueue<HeldPublish> held = new LinkedBlockingQueue<>();

    HeldMessageBus(MessageBus inner) {
        this.inner = inner;
    }

    /** The next held publish, waiting for it to be made. */
    HeldPublish next() {
        return Await.until("a held publish", held::poll);
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, String body) {
        if (topic != Topic.SMS_IN) {
            return inner.publish(topic, body);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        held.add(new HeldPublish(body, Thread.currentThread().getName(),
                () -> inner.publish(topic, body).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        result.complete(null);
                    } else {
                        result.completeExceptionally(failure);
                    }
                }),
                () -> result.completeExceptionally(new IllegalStateException("publish refused by the test"))));
        return result;
    }

    @Override
    public CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason) {
        return inner.publishDeadLetter(topic, body, reason);
    }

    @Override
    public AutoCloseable consume(Topic topic, String channel, BusHandler handler) {
        return inner.consume(topic, channel, handler);
    }

    @Override
    public io.smppgateway.bridge.bus.BusHealth health() {
        return inner.health();
    }

    @Override
    public boolean reachesOtherInstances() {
        return inner.reachesOtherInstances();
    }

    @Override
    public CompletableFuture<Void> handOff(String smscId, String body) {
        return inner.handOff(smscId, body);
    }

    @Override
    public AutoCloseable consumeHandOffs(String smscId, String channel,
            io.smppgateway.bridge.bus.BusHandler handler) {
        return inner.consumeHandOffs(smscId, channel, handler);
    }

    @Override
    public io.smppgateway.bridge.bus.ReceiptNotices receiptNotices() {
        return inner.receiptNotices();
    }

    @Override
    public void close() {
        inner.close();
    }
}
