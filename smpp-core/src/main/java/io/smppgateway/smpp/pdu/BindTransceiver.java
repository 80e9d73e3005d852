package io.smppgateway.smpp.pdu;

/** bind_transceiver (SMPP 5.0, 4.1.1.5). */
public record BindTransceiver(int sequenceNumber, String systemId, String password, String systemType,
                          int interfaceVersion, Address addressRange)
        implements PduRequest<BindTransceiverResp>, BindRequest {

    public BindTransceiver {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        password = Fields.requireCString("password", password, BindRequest.PASSWORD_OCTETS);
        systemType = Fields.requireCString("system_type", systemType, BindRequest.SYSTEM_TYPE_OCTETS);
        Fields.requireOctet("interface_version", interfaceVersion);
        addressRange = addressRange == null ? Address.EMPTY : addressRange;
        Fields.requireCString("address_range", addressRange.address(), 41);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSCEIVER;
    }

    @Override
    public BindType bindType() {
        return BindType.TRANSCEIVER;
    }

    @Override
    public BindTransceiver withSequenceNumber(int sequenceNumber) {
        return new BindTransceiver(sequenceNumber, systemId, password, systemType, interfaceVersion, addressRange);
    }

    @Override
    public BindTransceiverResp errorResponse(int status) {
        return new BindTransceiverResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    @Override
    public BindTransceiverResp response(int status, String systemId, InterfaceVersion ours) {
        return new BindTransceiverResp(status, sequenceNumber, systemId, BindRequest.responseTlvs(ours));
    }
}
