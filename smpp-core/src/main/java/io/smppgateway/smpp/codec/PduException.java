package io.smppgateway.smpp.codec;

/**
 * A PDU that cannot be decoded. Either the stream can go on and the sender gets an error answer
 * ({@link InvalidPduException}), or the framing is lost and the connection must close
 * ({@link PduFramingException}), as nsq splits ClientErr from FatalClientErr.
 */
public abstract sealed class PduException extends RuntimeException
        permits InvalidPduException, PduFramingException {

    private final int commandStatus;

    PduException(String message, int commandStatus) {
        super(message, null, false, false);
        this.commandStatus = commandStatus;
    }

    /** The command_status to answer with (ESME_RINVCMDLEN, ESME_RINVCMDID, ...). */
    public int commandStatus() {
        return commandStatus;
    }
}
