package io.smppgateway.smpp.pdu;

import java.util.List;

/** submit_multi_resp (SMPP 5.0, 4.2.3.2): the message id and the destinations that failed. */
public record SubmitMultiResp(int commandStatus, int sequenceNumber, String messageId,
                              List<UnsuccessfulSme> unsuccessful, Tlvs tlvs) implements PduResponse {

    public SubmitMultiResp {
        messageId = Fields.requireCString("message_id", messageId, 65);
        unsuccessful = List.copyOf(unsuccessful);
        if (unsuccessful.size() > 255) {
            throw new IllegalArgumentException("no_unsuccess is at most 255, was " + unsuccessful.size());
        }
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_MULTI_RESP;
    }
}
