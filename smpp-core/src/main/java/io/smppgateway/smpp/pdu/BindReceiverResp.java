package io.smppgateway.smpp.pdu;

/** bind_receiver_resp (SMPP 5.0, 4.1.1.2); a 3.3 SMSC sends no TLV, an error may come with no body. */
public record BindReceiverResp(int commandStatus, int sequenceNumber, String systemId, Tlvs tlvs)
        implements PduResponse, BindResponse {

    public BindReceiverResp {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_RECEIVER_RESP;
    }
}
