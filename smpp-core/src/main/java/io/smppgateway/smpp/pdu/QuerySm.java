package io.smppgateway.smpp.pdu;

/** query_sm: asks for the state of a submitted message (SMPP 5.0, 4.5.2). */
public record QuerySm(int sequenceNumber, String messageId, Address source) implements PduRequest<QuerySmResp> {

    public QuerySm {
        messageId = Fields.requireCString("message_id", messageId, 65);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM;
    }

    @Override
    public QuerySm withSequenceNumber(int sequenceNumber) {
        return new QuerySm(sequenceNumber, messageId, source);
    }

    @Override
    public QuerySmResp errorResponse(int status) {
        return new QuerySmResp(status, sequenceNumber, "", "", 0, 0);
    }
}
