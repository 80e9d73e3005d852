package io.smppgateway.smpp.session;

/**
 * The request never reached the wire: the session's queue was full, the session was not in a state
 * that allows it, or it closed before the request's turn came. Safe to send elsewhere.
 */
public final class RequestNotSentException extends SessionException {

    public RequestNotSentException(String message) {
        super(message);
    }
}
