package io.smppgateway.nsq;

/**
 * A snapshot of a consumer's counters.
 *
 * @param connections        subscribed nsqd connections
 * @param inFlight           messages received and not yet finished or requeued
 * @param received           messages received
 * @param finished           FINs sent
 * @param requeued           REQs sent
 * @param gaveUp             messages handed to the give-up handler (over maxAttempts)
 * @param connects           subscriptions established so far (reconnects included)
 * @param heartbeatsAnswered heartbeats answered with NOP on all connections so far
 * @param touched            TOUCHes the consumer sent by itself (touchUnsettled), not the handler's
 */
public record NsqConsumerStats(int connections, int inFlight, long received, long finished, long requeued,
                               long gaveUp, long connects, long heartbeatsAnswered, long touched) {
}
