package io.smppgateway.smpp.pdu;

/** query_broadcast_sm_resp (SMPP 5.0, 4.4.2.2): message_state and broadcast areas travel in TLVs. */
public record QueryBroadcastSmResp(int commandStatus, int sequenceNumber, String messageId, Tlvs tlvs)
        implements PduResponse, MessageIdResponse {

    public QueryBroadcastSmResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_BROADCAST_SM_RESP;
    }
}
