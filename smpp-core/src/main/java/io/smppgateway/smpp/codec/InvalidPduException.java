package io.smppgateway.smpp.codec;

/**
 * A well-framed PDU whose content is wrong: an unknown command id, a field over its maximum, a
 * truncated C-octet string, a TLV that overruns. The stream is intact; the session answers with
 * the request's response type (or generic_nack) carrying {@link #commandStatus()}.
 */
public final class InvalidPduException extends PduException {

    private final PduHeader header;

    public InvalidPduException(PduHeader header, int commandStatus, String message) {
        super(message, commandStatus);
        this.header = header;
    }

    /** The header of the PDU that failed, so that the answer can echo its sequence number. */
    public PduHeader header() {
        return header;
    }
}
