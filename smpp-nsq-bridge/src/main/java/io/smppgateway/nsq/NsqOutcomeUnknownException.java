package io.smppgateway.nsq;

/**
 * The command was written (or was being written) when the connection was lost or nsqd stopped
 * answering, so nobody knows whether nsqd carried it out: the message may or may not have been
 * published. A retry may create a duplicate; not retrying may lose it.
 */
public final class NsqOutcomeUnknownException extends NsqException {

    public NsqOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
