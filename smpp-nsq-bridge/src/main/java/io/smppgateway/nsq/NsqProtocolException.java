package io.smppgateway.nsq;

/** nsqd (or something on its port) broke the protocol: a malformed frame or an unexpected answer. */
public final class NsqProtocolException extends NsqException {

    public NsqProtocolException(String message) {
        super(message, null);
    }
}
