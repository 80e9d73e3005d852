package io.smppgateway.nsq;

/**
 * The publish never reached nsqd, or nsqd certainly did not carry it out: no connection came up
 * in time, the producer was closed, the pending queue was full ({@link NsqQueueFullException}),
 * or nsqd closed the connection after a fatal error on an earlier command and so never read this
 * one. Retrying cannot create a duplicate.
 */
public sealed class NsqNotSentException extends NsqException permits NsqQueueFullException {

    public NsqNotSentException(String message) {
        super(message, null);
    }

    NsqNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
