package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.CommandStatus;

/** The peer answered our request with generic_nack: it did not act on it. */
public final class GenericNackException extends SessionException {

    private final int commandStatus;

    public GenericNackException(int commandStatus) {
        super("the peer answered with generic_nack " + CommandStatus.nameOf(commandStatus));
        this.commandStatus = commandStatus;
    }

    public int commandStatus() {
        return commandStatus;
    }
}
