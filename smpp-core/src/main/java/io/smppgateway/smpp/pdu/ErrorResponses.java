package io.smppgateway.smpp.pdu;

import java.util.List;

/**
 * The empty error response to a request known only by its command id, as when the request itself
 * failed to decode and only its header is left to answer.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** The response for request {@code id} with {@code status} and an empty body, or generic_nack. */
    public static PduResponse of(CommandId id, int sequenceNumber, int status) {
        return switch (id) {
            case BIND_TRANSMITTER -> new BindTransmitterResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case BIND_RECEIVER -> new BindReceiverResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case BIND_TRANSCEIVER -> new BindTransceiverResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case UNBIND -> new UnbindResp(status, sequenceNumber);
            case ENQUIRE_LINK -> new EnquireLinkResp(status, sequenceNumber);
            case SUBMIT_SM -> new SubmitSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case DELIVER_SM -> new DeliverSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case DATA_SM -> new DataSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case QUERY_SM -> new QuerySmResp(status, sequenceNumber, "", "", 0, 0);
            case CANCEL_SM -> new CancelSmResp(status, sequenceNumber);
            case REPLACE_SM -> new ReplaceSmResp(status, sequenceNumber);
            case SUBMIT_MULTI -> new SubmitMultiResp(status, sequenceNumber, "", List.of(), Tlvs.EMPTY);
            case BROADCAST_SM -> new BroadcastSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case QUERY_BROADCAST_SM -> new QueryBroadcastSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
            case CANCEL_BROADCAST_SM -> new CancelBroadcastSmResp(status, sequenceNumber);
            default -> new GenericNack(status, sequenceNumber);
        };
    }
}
