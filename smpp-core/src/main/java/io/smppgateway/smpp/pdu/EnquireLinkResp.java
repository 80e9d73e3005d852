package io.smppgateway.smpp.pdu;

/** enquire_link_resp (SMPP 5.0, 4.1.2.2). */
public record EnquireLinkResp(int commandStatus, int sequenceNumber) implements PduResponse {

    @Override
    public CommandId commandId() {
        return CommandId.ENQUIRE_LINK_RESP;
    }
}
