package io.smppgateway.smpp.session;

import io.smppgateway.smpp.codec.PduDecoder;
import java.time.Duration;
import java.util.Objects;

/**
 * How one SMPP session behaves, on either side.
 *
 * @param windowSize          most requests we have sent that await their response
 * @param queueCapacity       most requests waiting for room in the window; beyond it send fails fast
 * @param maxPendingInbound   most requests from the peer we are still working on; beyond it we stop
 *                            reading from the socket until some complete (TCP back-pressure)
 * @param responseTimeout     how long a sent request waits for its response
 * @param enquireLinkInterval how long the link may be idle before we send enquire_link (zero: never)
 * @param inactivityTimeout   how long without any PDU from the peer before we close (zero: never)
 * @param unbindTimeout       how long we wait for unbind_resp before closing anyway, and how long an
 *                            unbind waits for the answers still owed to the peer
 * @param maxPduLength        the largest command_length we accept once bound
 * @param maxUnwrittenBytes   most bytes written to the session that the peer has not taken yet;
 *                            beyond it the peer is not reading and the session closes. Reading from
 *                            the peer stops long before, as soon as the socket's send buffer is full
 * @param unbound             what a peer may send before it is bound (server side only)
 */
public record SessionConfig(int windowSize, int queueCapacity, int maxPendingInbound, Duration responseTimeout,
                            Duration enquireLinkInterval, Duration inactivityTimeout, Duration unbindTimeout,
                            int maxPduLength, long maxUnwrittenBytes, UnboundAllowance unbound) {

    /**
     * What a connection that has not bound yet may send: a few PDUs (a bind, its retries, some
     * enquire_link), each no longer than a bind can be. A bind is at most 98 octets; the allowance
     * leaves room for peers that pad.
     *
     * @param pdus      PDUs before the bind is accepted; one more closes the connection
     * @param pduLength the largest command_length before the bind; longer is a framing error
     */
    public record UnboundAllowance(int pdus, int pduLength) {

        public UnboundAllowance {
            if (pdus < 1 || pduLength < 16) {
                throw new IllegalArgumentException("an unbound peer must be allowed at least one PDU of 16 octets");
            }
        }

        public static UnboundAllowance defaults() {
            return new UnboundAllowance(16, 1024);
        }
    }

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
        if (maxUnwrittenBytes < maxPduLength) {
            throw new IllegalArgumentException("maxUnwrittenBytes must hold at least one PDU of maxPduLength");
        }
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(enquireLinkInterval, "enquireLinkInterval");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(unbindTimeout, "unbindTimeout");
        Objects.requireNonNull(unbound, "unbound");
    }

    public static SessionConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().windowSize(windowSize).queueCapacity(queueCapacity).maxPendingInbound(maxPendingInbound)
                .responseTimeout(responseTimeout).enquireLinkInterval(enquireLinkInterval)
                .inactivityTimeout(inactivityTimeout).unbindTimeout(unbindTimeout).maxPduLength(maxPduLength)
                .maxUnwrittenBytes(maxUnwrittenBytes).unbound(unbound);
    }

    public SessionConfig withWindowSize(int value) {
        return toBuilder().windowSize(value).build();
    }

    public SessionConfig withQueueCapacity(int value) {
        return toBuilder().queueCapacity(value).build();
    }

    public SessionConfig withMaxPendingInbound(int value) {
        return toBuilder().maxPendingInbound(value).build();
    }

    public SessionConfig withResponseTimeout(Duration value) {
        return toBuilder().responseTimeout(value).build();
    }

    public SessionConfig withEnquireLinkInterval(Duration value) {
        return toBuilder().enquireLinkInterval(value).build();
    }

    public SessionConfig withInactivityTimeout(Duration value) {
        return toBuilder().inactivityTimeout(value).build();
    }

    public SessionConfig withUnbindTimeout(Duration value) {
        return toBuilder().unbindTimeout(value).build();
    }

    public SessionConfig withMaxPduLength(int value) {
        return toBuilder().maxPduLength(value).build();
    }

    /** Builds a {@link SessionConfig}; every setting starts at its default. */
    public static final class Builder {
        private int windowSize = 10;
        private int queueCapacity = 10_000;
        private int maxPendingInbound = 1_000;
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration inactivityTimeout = Duration.ofSeconds(120);
        private Duration unbindTimeout = Duration.ofSeconds(5);
        private int maxPduLength = PduDecoder.DEFAULT_MAX_PDU_LENGTH;
        private long maxUnwrittenBytes = 4L * 1024 * 1024;
        private UnboundAllowance unbound = UnboundAllowance.defaults();

        private Builder() {
        }

        public Builder windowSize(int value) {
            windowSize = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        public Builder maxPendingInbound(int value) {
            maxPendingInbound = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            responseTimeout = value;
            return this;
        }

        public Builder enquireLinkInterval(Duration value) {
            enquireLinkInterval = value;
            return this;
        }

        public Builder inactivityTimeout(Duration value) {
            inactivityTimeout = value;
            return this;
        }

        public Builder unbindTimeout(Duration value) {
            unbindTimeout = value;
            return this;
        }

        public Builder maxPduLength(int value) {
            maxPduLength = value;
            return this;
        }

        public Builder maxUnwrittenBytes(long value) {
            maxUnwrittenBytes = value;
            return this;
        }

        public Builder unbound(UnboundAllowance value) {
            unbound = value;
            return this;
        }

        public SessionConfig build() {
            return new SessionConfig(windowSize, queueCapacity, maxPendingInbound, responseTimeout,
                    enquireLinkInterval, inactivityTimeout, unbindTimeout, maxPduLength, maxUnwrittenBytes, unbound);
        }
    }
}
