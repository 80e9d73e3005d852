package io.smppgateway.nsq;

import io.netty.channel.EventLoopGroup;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Settings of an {@link NsqConsumer}. Start from {@link #defaults(String, String)}, then name the
 * nsqd addresses and/or nsqlookupd addresses and change what you need with the {@code with...}
 * methods.
 *
 * @param topic                   topic to subscribe to
 * @param channel                 channel on that topic
 * @param nsqdAddresses           nsqd TCP addresses to connect to directly (always reconnected)
 * @param lookupdAddresses        nsqlookupd HTTP addresses asked for the topic's producers
 * @param lookupInterval          how often nsqlookupd is asked again
 * @param maxInFlight             messages held unacknowledged at once over all connections (RDY
 *                                is split across connections so that its sum never exceeds it)
 * @param maxAttempts             a message delivered more times than this goes to the give-up
 *                                handler and is finished (0 = no limit)
 * @param identify                what IDENTIFY says (heartbeat interval, msg_timeout, names)
 * @param requeueBackoff          delay of {@link NsqDelivery#requeue()}: exponential on attempts,
 *                                without jitter
 * @param reconnectBackoff        delay before reconnecting to a lost nsqd, with jitter
 * @param shutdownTimeout         how long close waits for in-flight messages to be settled before
 *                                it requeues the rest
 * @param rdyRedistributeInterval when maxInFlight is below the number of connections, how often
 *                                RDY moves from idle connections to the others
 * @param connectTimeout          TCP connect plus IDENTIFY and SUB
 * @param maxFrameSize            largest frame accepted from nsqd
 * @param handlerThreads          threads of our own handler executor (unused with handlerExecutor)
 * @param handlerExecutor         where handlers run, or null for a pool of our own
 * @param eventLoopGroup          a group to share, or null for a thread of our own
 * @param giveUpHandler           receives messages over maxAttempts
 * @param touchUnsettled          whether the consumer itself TOUCHes every message the handler has
 *                                not settled, every half of the connection's msg_timeout, so that
 *                                nsqd redelivers it only once this consumer is gone (or after
 *                                nsqd's --max-msg-timeout, 15 min by default, however often it is
 *                                touched)
 */
public record NsqConsumerConfig(String topic, String channel, List<NsqAddress> nsqdAddresses,
                                List<NsqAddress> lookupdAddresses, Duration lookupInterval, int maxInFlight,
                                int maxAttempts, IdentifyRequest identify, Backoff requeueBackoff,
                                Backoff reconnectBackoff, Duration shutdownTimeout, Duration rdyRedistributeInterval,
                                Duration connectTimeout, int maxFrameSize, int handlerThreads,
                                Executor handlerExecutor, EventLoopGroup eventLoopGroup,
                                NsqGiveUpHandler giveUpHandler, boolean touchUnsettled) {

    public NsqConsumerConfig {
        NsqCommand.requireName(topic, "topic");
        NsqCommand.requireName(channel, "channel");
        nsqdAddresses = List.copyOf(nsqdAddresses);
        lookupdAddresses = List.copyOf(lookupdAddresses);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        if (maxAttempts < 0 || maxAttempts > 65535) {
            throw new IllegalArgumentException("maxAttempts out of range 0..65535: " + maxAttempts);
        }
        if (handlerThreads < 1) {
            throw new IllegalArgumentException("handlerThreads must be at least 1: " + handlerThreads);
        }
        Objects.requireNonNull(identify, "identify");
        Objects.requireNonNull(requeueBackoff, "requeueBackoff");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        Objects.requireNonNull(giveUpHandler, "giveUpHandler");
        for (Duration d : List.of(lookupInterval, shutdownTimeout, rdyRedistributeInterval, connectTimeout)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
        }
    }

    /**
     * No addresses yet, 1 message in flight, 5 attempts, requeue backoff 2 s doubling to 10 min,
     * reconnect backoff 500 ms to 30 s, lookup every 60 s, 10 s to drain on close; a message
     * over its attempts is logged and finished; unsettled messages are touched only by the handler.
     */
    public static NsqConsumerConfig defaults(String topic, String channel) {
        return new NsqConsumerConfig(topic, channel, List.of(), List.of(), Duration.ofSeconds(60), 1, 5,
                IdentifyRequest.defaults(), new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10)),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 4 * 1024 * 1024, 1, null, null,
                NsqConsumerConfig::logGiveUp, false);
    }

    private static CompletableFuture<Void> logGiveUp(NsqMessage message) {
        LoggerFactory.getLogger(NsqConsumer.class).warn("giving up on nsq message {} after {} attempts",
                message.id(), message.attempts());
        return CompletableFuture.completedFuture(null);
    }

    public NsqConsumerConfig withNsqd(List<NsqAddress> addresses) {
        return new NsqConsumerConfig(topic, channel, addresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withLookupd(List<NsqAddress> addresses, Duration interval) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, addresses, interval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    /** Sets maxInFlight, and handlerThreads to match it up to 32. */
    public NsqConsumerConfig withMaxInFlight(int value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, value,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, Math.max(1, Math.min(value, 32)), handlerExecutor, eventLoopGroup,
                giveUpHandler, touchUnsettled);
    }

    public NsqConsumerConfig withHandlerThreads(int value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, value, handlerExecutor, eventLoopGroup, giveUpHandler, touchUnsettled);
    }

    public NsqConsumerConfig withMaxAttempts(int value, NsqGiveUpHandler handler) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                value, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, handler, touchUnsettled);
    }

    public NsqConsumerConfig withIdentify(IdentifyRequest value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, value, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withRequeueBackoff(Backoff value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, value, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withReconnectBackoff(Backoff value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, value, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withShutdownTimeout(Duration value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, value, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withRdyRedistributeInterval(Duration value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, value,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler,
                touchUnsettled);
    }

    public NsqConsumerConfig withHandlerExecutor(Executor value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, value, eventLoopGroup, giveUpHandler, touchUnsettled);
    }

    /** See {@code touchUnsettled} in the class comment. */
    public NsqConsumerConfig withTouchUnsettled(boolean value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, eventLoopGroup, giveUpHandler, value);
    }

    public NsqConsumerConfig withEventLoopGroup(EventLoopGroup value) {
        return new NsqConsumerConfig(topic, channel, nsqdAddresses, lookupdAddresses, lookupInterval, maxInFlight,
                maxAttempts, identify, requeueBackoff, reconnectBackoff, shutdownTimeout, rdyRedistributeInterval,
                connectTimeout, maxFrameSize, handlerThreads, handlerExecutor, value, giveUpHandler, touchUnsettled);
    }
}
