package io.smppgateway.smpp.pdu;

/** unbind: ends a session (SMPP 5.0, 4.1.1.8). */
public record Unbind(int sequenceNumber) implements PduRequest<UnbindResp> {

    @Override
    public CommandId commandId() {
        return CommandId.UNBIND;
    }

    @Override
    public Unbind withSequenceNumber(int sequenceNumber) {
        return new Unbind(sequenceNumber);
    }

    @Override
    public UnbindResp errorResponse(int status) {
        return new UnbindResp(status, sequenceNumber);
    }

    public UnbindResp response() {
        return new UnbindResp(0, sequenceNumber);
    }
}
