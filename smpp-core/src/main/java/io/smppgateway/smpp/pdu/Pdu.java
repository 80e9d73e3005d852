package io.smppgateway.smpp.pdu;

/**
 * One SMPP protocol data unit as an immutable value. The command_length is not stored: the encoder
 * computes it. See SMPP 3.4 section 3 and SMPP 5.0 section 4 for every PDU's layout.
 */
public sealed interface Pdu permits PduRequest, PduResponse {

    CommandId commandId();

    int sequenceNumber();

    /** The command_status: always 0 for a request. */
    int commandStatus();
}
