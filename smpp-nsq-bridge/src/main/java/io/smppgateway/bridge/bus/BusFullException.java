package io.smppgateway.bridge.bus;

/** The bus cannot take the message now (a bounded queue is full); the publisher should retry later. */
public final class BusFullException extends RuntimeException {

    public BusFullException(String message) {
        super(message, null, false, false);
    }
}
