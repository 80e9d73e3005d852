package io.smppgateway.smpp.session;

import io.smppgateway.smpp.codec.PduDecoder;
import java.time.Duration;

/**
 * How one SMPP session behaves, on either side.
 *
 * @param windowSize         most requests we have sent that await their response
 * @param queueCapacity      most requests waiting for room in the window; beyond it send fails fast
 * @param maxPendingInbound  most requests from the peer we are still working on; beyond it we stop
 *                           reading from the socket until some complete (TCP back-pressure)
 * @param responseTimeout    how long a sent request waits for its response
 * @param enquireLinkInterval how long the link may be idle before we send enquire_link (zero: never)
 * @param inactivityTimeout  how long without any PDU from the peer before we close (zero: never)
 * @param unbindTimeout      how long we wait for unbind_resp before closing anyway
 * @param maxPduLength       the largest command_length we accept
 */
public record SessionConfig(int windowSize, int queueCapacity, int maxPendingInbound, Duration responseTimeout,
                            Duration enquireLinkInterval, Duration inactivityTimeout, Duration unbindTimeout,
                            int maxPduLength) {

    public SessionConfig {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, was " + windowSize);
        }
        if (queueCapacity < 0 || maxPendingInbound < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 0 and maxPendingInbound >= 1");
        }
        if (maxPduLength < 16) {
            throw new IllegalArgumentException("maxPduLength must be at least 16, was " + maxPduLength);
        }
    }

    public static SessionConfig defaults() {
        return new SessionConfig(10, 10_000, 1_000, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(120), Duration.ofSeconds(5), PduDecoder.DEFAULT_MAX_PDU_LENGTH);
    }

    public SessionConfig withWindowSize(int value) {
        return new SessionConfig(value, queueCapacity, maxPendingInbound, responseTimeout, enquireLinkInterval,
                inactivityTimeout, unbindTimeout, maxPduLength);
    }

    public SessionConfig withQueueCapacity(int value) {
        return new SessionConfig(windowSize, value, maxPendingInbound, responseTimeout, enquireLinkInterval,
                inactivityTimeout, unbindTimeout, maxPduLength);
    }

    public SessionConfig withMaxPendingInbound(int value) {
        return new SessionConfig(windowSize, queueCapacity, value, responseTimeout, enquireLinkInterval,
                inactivityTimeout, unbindTimeout, maxPduLength);
    }

    public SessionConfig withResponseTimeout(Duration value) {
        return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, value, enquireLinkInterval,
                inactivityTimeout, unbindTimeout, maxPduLength);
    }

    public SessionConfig withEnquireLinkInterval(Duration value) {
        return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, responseTimeout, value,
                inactivityTimeout, unbindTimeout, maxPduLength);
    }

    public SessionConfig withInactivityTimeout(Duration value) {
        return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, responseTimeout, enquireLinkInterval,
                value, unbindTimeout, maxPduLength);
    }

    public SessionConfig withUnbindTimeout(Duration value) {
        return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, responseTimeout, enquireLinkInterval,
                inactivityTimeout, value, maxPduLength);
    }

    public SessionConfig withMaxPduLength(int value) {
        return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, responseTimeout, enquireLinkInterval,
                inactivityTimeout, unbindTimeout, value);
    }
}
