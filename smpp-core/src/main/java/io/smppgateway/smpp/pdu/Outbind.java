package io.smppgateway.smpp.pdu;

/** outbind: an SMSC asks an ESME to bind as receiver (SMPP 5.0, 4.1.1.7). It has no response. */
public record Outbind(int sequenceNumber, String systemId, String password) implements PduRequest<GenericNack> {

    public Outbind {
        systemId = Fields.requireCString("system_id", systemId, BindRequest.SYSTEM_ID_OCTETS);
        password = Fields.requireCString("password", password, BindRequest.PASSWORD_OCTETS);
    }

    @Override
    public CommandId commandId() {
        return CommandId.OUTBIND;
    }

    @Override
    public Outbind withSequenceNumber(int sequenceNumber) {
        return new Outbind(sequenceNumber, systemId, password);
    }

    @Override
    public GenericNack errorResponse(int status) {
        return genericNack(status);
    }
}
