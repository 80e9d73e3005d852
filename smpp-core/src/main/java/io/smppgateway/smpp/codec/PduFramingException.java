package io.smppgateway.smpp.codec;

/**
 * The stream cannot be split into PDUs any more: a command_length below 16 or above the configured
 * maximum. Nothing after it can be trusted, so the connection closes (after a generic_nack with
 * ESME_RINVCMDLEN where the sequence number is known).
 */
public final class PduFramingException extends PduException {

    private final int sequenceNumber;

    public PduFramingException(int commandStatus, int sequenceNumber, String message) {
        super(message, commandStatus);
        this.sequenceNumber = sequenceNumber;
    }

    /** The sequence number of the broken PDU when its header was readable, else 0. */
    public int sequenceNumber() {
        return sequenceNumber;
    }
}
