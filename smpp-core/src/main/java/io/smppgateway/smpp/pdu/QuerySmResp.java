package io.smppgateway.smpp.pdu;

/**
 * query_sm_resp (SMPP 5.0, 4.5.2): the same layout in 3.3 (where message_state is called
 * message_status), 3.4 and 5.0. An error response may come with no body.
 */
public record QuerySmResp(int commandStatus, int sequenceNumber, String messageId, String finalDate,
                          int messageState, int errorCode) implements PduResponse {

    public QuerySmResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        finalDate = Fields.requireCString("final_date", finalDate, 17);
        Fields.requireOctet("message_state", messageState);
        Fields.requireOctet("error_code", errorCode);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM_RESP;
    }
}
