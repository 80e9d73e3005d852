package io.smppgateway.smpp.client;

/**
 * A submit the gateway did not send, and why. The message never reached an SMSC, so the caller
 * may retry it later ({@link Reason#QUEUE_FULL}) or report it rejected (the others).
 */
public final class GatewayUnavailableException extends RuntimeException {

    /** Why the gateway did not take the submit. */
    public enum Reason {
        /** The gateway was stopped (disabled, removed or shutting down) before the submit went out. */
        STOPPED,
        /** No bind had room and the gateway's queue is at its capacity. */
        QUEUE_FULL,
        /** The gateway has no transmitter or transceiver binds configured. */
        NO_TRANSMITTER,
        /** No gateway with this smsc_id is running. */
        UNKNOWN_GATEWAY
    }

    private final String smscId;
    private final Reason reason;

    public GatewayUnavailableException(String smscId, Reason reason, String message) {
        super("gateway " + smscId + ": " + message, null, false, false);
        this.smscId = smscId;
        this.reason = reason;
    }

    public String smscId() {
        return smscId;
    }

    public Reason reason() {
        return reason;
    }
}
