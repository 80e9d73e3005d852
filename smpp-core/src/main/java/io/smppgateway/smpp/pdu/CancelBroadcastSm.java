package io.smppgateway.smpp.pdu;

/** cancel_broadcast_sm (SMPP 5.0, 4.6.2): cancels a pending broadcast message. */
public record CancelBroadcastSm(int sequenceNumber, String serviceType, String messageId, Address source, Tlvs tlvs)
        implements PduRequest<CancelBroadcastSmResp> {

    public CancelBroadcastSm {
        serviceType = Fields.requireCString("service_type", serviceType, 6);
        messageId = Fields.requireCString("message_id", messageId, 65);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_BROADCAST_SM;
    }

    @Override
    public CancelBroadcastSm withSequenceNumber(int sequenceNumber) {
        return new CancelBroadcastSm(sequenceNumber, serviceType, messageId, source, tlvs);
    }

    @Override
    public CancelBroadcastSmResp errorResponse(int status) {
        return new CancelBroadcastSmResp(status, sequenceNumber);
    }
}
