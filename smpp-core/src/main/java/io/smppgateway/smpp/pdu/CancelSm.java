package io.smppgateway.smpp.pdu;

/** cancel_sm: cancels a pending message, or all from a source to a destination (SMPP 5.0, 4.5.1). */
public record CancelSm(int sequenceNumber, String serviceType, String messageId, Address source,
                       Address destination) implements PduRequest<CancelSmResp> {

    public CancelSm {
        serviceType = Fields.requireCString("service_type", serviceType, 6);
        messageId = Fields.requireCString("message_id", messageId, 65);
        source = source == null ? Address.EMPTY : source;
        destination = destination == null ? Address.EMPTY : destination;
        Fields.requireCString("source_addr", source.address(), 21);
        Fields.requireCString("destination_addr", destination.address(), 21);
    }

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_SM;
    }

    @Override
    public CancelSm withSequenceNumber(int sequenceNumber) {
        return new CancelSm(sequenceNumber, serviceType, messageId, source, destination);
    }

    @Override
    public CancelSmResp errorResponse(int status) {
        return new CancelSmResp(status, sequenceNumber);
    }
}
