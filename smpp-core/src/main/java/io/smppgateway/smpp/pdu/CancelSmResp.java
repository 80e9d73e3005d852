package io.smppgateway.smpp.pdu;

/** cancel_sm_resp (SMPP 5.0, 4.5.1.2). */
public record CancelSmResp(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_SM_RESP;
    }
}
