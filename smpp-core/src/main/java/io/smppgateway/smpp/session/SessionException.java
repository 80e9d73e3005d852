package io.smppgateway.smpp.session;

/**
 * Why a request we sent got no response. The subclasses say whether the peer may have acted on it:
 * after {@link SessionClosedException} and {@link ResponseTimeoutException} it may have; after
 * {@link RequestNotSentException} it certainly has not.
 */
public abstract sealed class SessionException extends RuntimeException
        permits SessionClosedException, ResponseTimeoutException, RequestNotSentException,
                GenericNackException {

    SessionException(String message) {
        super(message, null, false, false);
    }
}
