package io.smppgateway.smpp.pdu;

/** bind_transmitter (SMPP 5.0, 4.1.1.3). */
public record BindTransmitter(int sequenceNumber, String systemId, String password, String systemType,
                          int interfaceVersion, Address addressRange)
        implements PduRequest<BindTransmitterResp>, BindRequest {

    public BindTransmitter {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        password = Fields.requireCString("password", password, BindRequest.PASSWORD_OCTETS);
        systemType = Fields.requireCString("system_type", systemType, BindRequest.SYSTEM_TYPE_OCTETS);
        Fields.requireOctet("interface_version", interfaceVersion);
        addressRange = addressRange == null ? Address.EMPTY : addressRange;
        Fields.requireCString("address_range", addressRange.address(), 41);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_TRANSMITTER;
    }

    @Override
    public BindType bindType() {
        return BindType.TRANSMITTER;
    }

    @Override
    public BindTransmitter withSequenceNumber(int sequenceNumber) {
        return new BindTransmitter(sequenceNumber, systemId, password, systemType, interfaceVersion, addressRange);
    }

    @Override
    public BindTransmitterResp errorResponse(int status) {
        return new BindTransmitterResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    @Override
    public BindTransmitterResp response(int status, String systemId, InterfaceVersion ours) {
        return new BindTransmitterResp(status, sequenceNumber, systemId, BindRequest.responseTlvs(ours));
    }
}
