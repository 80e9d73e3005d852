package io.smppgateway.smpp.session;

/** No response came within the response timeout. A late response is still counted when it comes. */
public final class ResponseTimeoutException extends SessionException {

    public ResponseTimeoutException(String message) {
        super(message);
    }
}
