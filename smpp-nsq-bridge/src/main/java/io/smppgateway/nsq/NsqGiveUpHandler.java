package io.smppgateway.nsq;

import java.util.concurrent.CompletionStage;

/**
 * Receives a message that nsqd has delivered more than {@code maxAttempts} times, instead of the
 * message handler (for example to park it on a dead-letter topic). The consumer FINs the message
 * when the returned stage completes normally, and requeues it if the stage fails or this throws,
 * so nothing is dropped before it is parked.
 */
@FunctionalInterface
public interface NsqGiveUpHandler {
    CompletionStage<?> giveUp(NsqMessage message);
}
