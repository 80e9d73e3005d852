package io.smppgateway.smpp.pdu;

/** broadcast_sm_resp (SMPP 5.0, 4.4.1.2). */
public record BroadcastSmResp(int commandStatus, int sequenceNumber, String messageId, Tlvs tlvs)
        implements PduResponse, MessageIdResponse {

    public BroadcastSmResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BROADCAST_SM_RESP;
    }
}
