package io.smppgateway.smpp.pdu;

/** deliver_sm_resp; an error response may come with no body, read as an empty message_id. */
public record DeliverSmResp(int commandStatus, int sequenceNumber, String messageId, Tlvs tlvs) implements PduResponse, MessageIdResponse {

    public DeliverSmResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER_SM_RESP;
    }
}
