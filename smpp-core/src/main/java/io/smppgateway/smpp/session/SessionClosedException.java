package io.smppgateway.smpp.session;

/**
 * The session closed while the request was in flight: it was written, and the peer may or may not
 * have acted on it. A caller that must not lose the message resends it on another session.
 */
public final class SessionClosedException extends SessionException {

    public SessionClosedException(String message) {
        super(message);
    }
}
