package io.smppgateway.smpp.pdu;

/** replace_sm_resp (SMPP 5.0, 4.5.3.2). */
public record ReplaceSmResp(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.REPLACE_SM_RESP;
    }
}
