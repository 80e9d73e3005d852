package io.smppgateway.nsq;

/**
 * Handles each message a consumer receives. It runs on the consumer's handler executor, never on
 * the event loop, and must settle the delivery with {@link NsqDelivery#finish()} or
 * {@link NsqDelivery#requeue()} - now or later from any thread, so asynchronous work is fine.
 * If it throws before settling, the delivery is requeued with the default backoff.
 */
@FunctionalInterface
public interface NsqMessageHandler {
    void handle(NsqDelivery delivery) throws Exception;
}
