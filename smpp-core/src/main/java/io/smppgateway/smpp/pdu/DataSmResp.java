package io.smppgateway.smpp.pdu;

/** data_sm_resp; an error response may come with no body, read as an empty message_id. */
public record DataSmResp(int commandStatus, int sequenceNumber, String messageId, Tlvs tlvs) implements PduResponse, MessageIdResponse {

    public DataSmResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DATA_SM_RESP;
    }
}
