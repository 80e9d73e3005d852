package io.smppgateway.smpp.pdu;

/** cancel_broadcast_sm_resp (SMPP 5.0, 4.6.2.3). */
public record CancelBroadcastSmResp(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_BROADCAST_SM_RESP;
    }
}
