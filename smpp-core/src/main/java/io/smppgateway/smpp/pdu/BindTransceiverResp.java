package io.smppgateway.smpp.pdu;

/** bind_transceiver_resp (SMPP 5.0, 4.1.1.6); a 3.3 SMSC sends no TLV, an error may come with no body. */
public record BindTransceiverResp(int commandStatus, int sequenceNumber, String systemId, Tlvs tlvs)
        implements PduResponse, BindResponse {

    public BindTransceiverResp {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSCEIVER_RESP;
    }
}
