package io.smppgateway.smpp.pdu;

/** unbind_resp (SMPP 5.0, 4.1.1.9). */
public record UnbindResp(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.UNBIND_RESP;
    }
}
