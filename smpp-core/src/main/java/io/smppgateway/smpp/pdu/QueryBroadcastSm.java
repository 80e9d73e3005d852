package io.smppgateway.smpp.pdu;

/** query_broadcast_sm (SMPP 5.0, 4.4.2): asks for the state of a broadcast message. */
public record QueryBroadcastSm(int sequenceNumber, String messageId, Address source, Tlvs tlvs)
        implements PduRequest<QueryBroadcastSmResp> {

    public QueryBroadcastSm {
        messageId = Fields.requireCString("message_id", messageId, 65);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_BROADCAST_SM;
    }

    @Override
    public QueryBroadcastSm withSequenceNumber(int sequenceNumber) {
        return new QueryBroadcastSm(sequenceNumber, messageId, source, tlvs);
    }

    @Override
    public QueryBroadcastSmResp errorResponse(int status) {
        return new QueryBroadcastSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }
}
