package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.CommandStatus;

/**
 * What a {@link RequestHandler} fails its future with to answer the peer with a particular status,
 * e.g. ESME_RMSGQFUL when the message could not be stored and the ESME should retry.
 */
public final class CommandStatusException extends RuntimeException {

    private final int commandStatus;

    public CommandStatusException(CommandStatus status, String message) {
        this(status.value(), message);
    }

    public CommandStatusException(int commandStatus, String message) {
        super(message, null, false, false);
        this.commandStatus = commandStatus;
    }

    public int commandStatus() {
        return commandStatus;
    }
}
