package io.smppgateway.bridge.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the message flows run: the NSQ channel they consume on, their worker pools, retry delays,
 * the expiry rule and the time sources. {@link #defaults()} suits a gateway on a small machine.
 *
 * @param channel          the channel the gateway consumes SMS_OUT and DLR_OUT on (every instance of the
 *                         gateway uses the same one, so that each message is handled once)
 * @param workerThreads    threads of each flow's worker pool
 * @param workerQueue      tasks each pool holds before it refuses more (an ESME then gets ESME_RTHROTTLED,
 *                         an SMSC ESME_RX_T_APPN, a bus message is requeued)
 * @param retryDelay       how long a message that failed for a passing reason waits before it comes back
 * @param touchInterval    how often a bus message whose submit is still pending is touched, so that the
 *                         bus does not hand it out again meanwhile
 * @param expiryAge        how long after {@code sent} a segment with no receipt becomes {@code expired}
 *                         (the manual's 24 hours)
 * @param expiryInterval   how often the expiry scan runs
 * @param drainInterval    how often waiting receipts are checked against the ESMEs' receiver binds
 * @param receiptZone      the zone of the dates in the receipts we send ESMEs (SMPP dates carry none)
 * @param clock            the time source of every timestamp the flows write
 */
public record FlowConfig(String channel, int workerThreads, int workerQueue, Duration retryDelay,
                         Duration touchInterval, Duration expiryAge, Duration expiryInterval, Duration drainInterval,
                         ZoneId receiptZone, Clock clock) {

    public FlowConfig {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel is required");
        }
        if (workerThreads < 1 || workerQueue < 1) {
            throw new IllegalArgumentException("workerThreads and workerQueue must be at least 1");
        }
        requirePositive("retryDelay", retryDelay);
        requirePositive("touchInterval", touchInterval);
        requirePositive("expiryAge", expiryAge);
        requirePositive("expiryInterval", expiryInterval);
        requirePositive("drainInterval", drainInterval);
        if (receiptZone == null || clock == null) {
            throw new IllegalArgumentException("receiptZone and clock are required");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static FlowConfig defaults() {
        return new FlowConfig("smpp-gateway", 4, 10_000, Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofSeconds(2), ZoneId.systemDefault(),
                Clock.systemUTC());
    }

    public FlowConfig withChannel(String value) {
        return new FlowConfig(value, workerThreads, workerQueue, retryDelay, touchInterval, expiryAge, expiryInterval,
                drainInterval, receiptZone, clock);
    }

    public FlowConfig withWorkers(int threads, int queue) {
        return new FlowConfig(channel, threads, queue, retryDelay, touchInterval, expiryAge, expiryInterval,
                drainInterval, receiptZone, clock);
    }

    public FlowConfig withRetryDelay(Duration value) {
        return new FlowConfig(channel, workerThreads, workerQueue, value, touchInterval, expiryAge, expiryInterval,
                drainInterval, receiptZone, clock);
    }

    public FlowConfig withTouchInterval(Duration value) {
        return new FlowConfig(channel, workerThreads, workerQueue, retryDelay, value, expiryAge, expiryInterval,
                drainInterval, receiptZone, clock);
    }

    public FlowConfig withExpiry(Duration age, Duration interval) {
        return new FlowConfig(channel, workerThreads, workerQueue, retryDelay, touchInterval, age, interval,
                drainInterval, receiptZone, clock);
    }

    public FlowConfig withDrainInterval(Duration value) {
        return new FlowConfig(channel, workerThreads, workerQueue, retryDelay, touchInterval, expiryAge, expiryInterval,
                value, receiptZone, clock);
    }

    public FlowConfig withReceiptZone(ZoneId value) {
        return new FlowConfig(channel, workerThreads, workerQueue, retryDelay, touchInterval, expiryAge, expiryInterval,
                drainInterval, value, clock);
    }

    public FlowConfig withClock(Clock value) {
        return new FlowConfig(channel, workerThreads, workerQueue, retryDelay, touchInterval, expiryAge, expiryInterval,
                drainInterval, receiptZone, value);
    }
}
