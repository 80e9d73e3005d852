package io.smppgateway.bridge.flow;

/**
 * A gateway has no session that can transmit right now (not yet bound, reconnecting, or every
 * window full): nothing was sent, and the message should be tried again later.
 */
public final class SmscUnavailableException extends RuntimeException {

    public SmscUnavailableException(String smscId, String why) {
        super("SMSC " + smscId + " cannot take a submit now: " + why, null, false, false);
    }
}
