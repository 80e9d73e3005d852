package io.smppgateway.smpp.pdu;

/** generic_nack: the answer to a PDU that could not be read or has no handler (SMPP 5.0, 4.3.1). */
public record GenericNack(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.GENERIC_NACK;
    }
}
