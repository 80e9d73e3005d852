package io.smppgateway.smpp.client;

import io.smppgateway.smpp.pdu.CommandStatus;

/** The SMSC answered our bind with an error status. */
public final class BindRefusedException extends RuntimeException {

    private final int commandStatus;

    public BindRefusedException(int commandStatus) {
        super("bind refused: " + CommandStatus.nameOf(commandStatus) + " (" + CommandStatus.describe(commandStatus) + ")",
                null, false, false);
        this.commandStatus = commandStatus;
    }

    public int commandStatus() {
        return commandStatus;
    }
}
