package io.smppgateway.smpp.pdu;

/** enquire_link: the keep-alive either side may send (SMPP 5.0, 4.1.2.1). */
public record EnquireLink(int sequenceNumber) implements PduRequest<EnquireLinkResp> {

    @Override
    public CommandId commandId() {
        return CommandId.ENQUIRE_LINK;
    }

    @Override
    public EnquireLink withSequenceNumber(int sequenceNumber) {
        return new EnquireLink(sequenceNumber);
    }

    @Override
    public EnquireLinkResp errorResponse(int status) {
        return new EnquireLinkResp(status, sequenceNumber);
    }

    public EnquireLinkResp response() {
        return new EnquireLinkResp(0, sequenceNumber);
    }
}
