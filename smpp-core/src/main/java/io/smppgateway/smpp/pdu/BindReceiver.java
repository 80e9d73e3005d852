package io.smppgateway.smpp.pdu;

/** bind_receiver (SMPP 5.0, 4.1.1.1). */
public record BindReceiver(int sequenceNumber, String systemId, String password, String systemType,
                          int interfaceVersion, Address addressRange)
        implements PduRequest<BindReceiverResp>, BindRequest {

    public BindReceiver {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        password = Fields.requireCString("password", password, BindRequest.PASSWORD_OCTETS);
        systemType = Fields.requireCString("system_type", systemType, BindRequest.SYSTEM_TYPE_OCTETS);
        Fields.requireOctet("interface_version", interfaceVersion);
        addressRange = addressRange == null ? Address.EMPTY : addressRange;
        Fields.requireCString("address_range", addressRange.address(), 41);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BIND_RECEIVER;
    }

    @Override
    public BindType bindType() {
        return BindType.RECEIVER;
    }

    @Override
    public BindReceiver withSequenceNumber(int sequenceNumber) {
        return new BindReceiver(sequenceNumber, systemId, password, systemType, interfaceVersion, addressRange);
    }

    @Override
    public BindReceiverResp errorResponse(int status) {
        return new BindReceiverResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    @Override
    public BindReceiverResp response(int status, String systemId, InterfaceVersion ours) {
        return new BindReceiverResp(status, sequenceNumber, systemId, BindRequest.responseTlvs(ours));
    }
}
