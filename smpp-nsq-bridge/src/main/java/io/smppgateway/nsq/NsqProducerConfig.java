package io.smppgateway.nsq;

import io.netty.channel.EventLoopGroup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Settings of an {@link NsqProducer}. Start from {@link #defaults(List)} and change what you need
 * with the {@code with...} methods.
 *
 * @param nsqdAddresses       nsqd TCP addresses; the producer uses one at a time and fails over
 *                            to the next when it cannot connect
 * @param identify            what IDENTIFY says (names, heartbeat interval)
 * @param maxPendingMessages  bound on messages accepted but not yet written; a publish beyond it
 *                            fails at once with {@link NsqQueueFullException}
 * @param maxBatchMessages    an MPUB carries at most this many messages (1 turns batching off:
 *                            every publish is its own PUB)
 * @param maxBatchBytes       an MPUB carries at most this many body bytes (keep it below nsqd's
 *                            --max-body-size, 5 MiB by default)
 * @param linger              how long a partly filled batch may wait for more messages; zero
 *                            sends whatever is queued as soon as a command slot is free
 * @param maxInFlightCommands PUB/MPUB/DPUB commands written and not yet answered; while all slots
 *                            are busy new messages gather into larger batches
 * @param sendTimeout         how long a publish may wait for a connection before it fails with
 *                            {@link NsqNotSentException}
 * @param responseTimeout     an answer slower than this drops the connection (the waiting
 *                            publishes fail with {@link NsqOutcomeUnknownException})
 * @param connectTimeout      TCP connect plus IDENTIFY
 * @param reconnectBackoff    delay between rounds of connection attempts over all addresses
 * @param closeTimeout        how long {@link NsqProducer#close()} waits for queued publishes
 * @param maxFrameSize        largest frame accepted from nsqd
 * @param eventLoopGroup      a group to share, or null for a thread of our own
 * @param callbackExecutor    where publish futures complete, or null for a thread of our own
 *                            (never the event loop, so callers may block in their callbacks)
 */
public record NsqProducerConfig(List<NsqAddress> nsqdAddresses, IdentifyRequest identify,
                                int maxPendingMessages, int maxBatchMessages, int maxBatchBytes,
                                Duration linger, int maxInFlightCommands, Duration sendTimeout,
                                Duration responseTimeout, Duration connectTimeout, Backoff reconnectBackoff,
                                Duration closeTimeout, int maxFrameSize, EventLoopGroup eventLoopGroup,
                                Executor callbackExecutor) {

    public NsqProducerConfig {
        nsqdAddresses = List.copyOf(nsqdAddresses);
        if (nsqdAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one nsqd address is needed");
        }
        Objects.requireNonNull(identify, "identify");
        positive(maxPendingMessages, "maxPendingMessages");
        positive(maxBatchMessages, "maxBatchMessages");
        positive(maxBatchBytes, "maxBatchBytes");
        positive(maxInFlightCommands, "maxInFlightCommands");
        if (maxFrameSize < 1024) {
            throw new IllegalArgumentException("maxFrameSize below 1024: " + maxFrameSize);
        }
        for (Duration d : List.of(linger, sendTimeout, responseTimeout, connectTimeout, closeTimeout)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration: " + d);
            }
        }
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
    }

    /** 10,000 pending messages, MPUBs of up to 256 messages or 512 KiB, no linger, 8 commands in flight. */
    public static NsqProducerConfig defaults(List<NsqAddress> nsqdAddresses) {
        return new NsqProducerConfig(nsqdAddresses, IdentifyRequest.defaults(), 10_000, 256, 512 * 1024,
                Duration.ZERO, 8, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10)), Duration.ofSeconds(5),
                4 * 1024 * 1024, null, null);
    }

    public NsqProducerConfig withIdentify(IdentifyRequest value) {
        return new NsqProducerConfig(nsqdAddresses, value, maxPendingMessages, maxBatchMessages, maxBatchBytes, linger,
                maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withMaxPendingMessages(int value) {
        return new NsqProducerConfig(nsqdAddresses, identify, value, maxBatchMessages, maxBatchBytes, linger,
                maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    /** Flush a batch at {@code messages} messages or {@code bytes} body bytes or after {@code linger}. */
    public NsqProducerConfig withBatching(int messages, int bytes, Duration lingerTime) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, messages, bytes, lingerTime,
                maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withMaxInFlightCommands(int value) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, value, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withTimeouts(Duration send, Duration response, Duration connect) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, maxInFlightCommands, send, response, connect, reconnectBackoff, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withReconnectBackoff(Backoff value) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, value, closeTimeout,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withCloseTimeout(Duration value) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff, value,
                maxFrameSize, eventLoopGroup, callbackExecutor);
    }

    public NsqProducerConfig withEventLoopGroup(EventLoopGroup group) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff,
                closeTimeout, maxFrameSize, group, callbackExecutor);
    }

    public NsqProducerConfig withCallbackExecutor(Executor executor) {
        return new NsqProducerConfig(nsqdAddresses, identify, maxPendingMessages, maxBatchMessages, maxBatchBytes,
                linger, maxInFlightCommands, sendTimeout, responseTimeout, connectTimeout, reconnectBackoff,
                closeTimeout, maxFrameSize, eventLoopGroup, executor);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
