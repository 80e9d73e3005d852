package io.smppgateway.smpp.pdu;

/**
 * A PDU that asks for an answer (or, for outbind and alert_notification, one that gets none).
 *
 * @param <R> the type of its response
 */
public sealed interface PduRequest<R extends PduResponse> extends Pdu
        permits BindTransmitter, BindReceiver, BindTransceiver, Outbind, Unbind, EnquireLink,
                SubmitSm, DeliverSm, DataSm, QuerySm, CancelSm, ReplaceSm, SubmitMulti,
                AlertNotification, BroadcastSm, QueryBroadcastSm, CancelBroadcastSm {

    @Override
    default int commandStatus() {
        return 0;
    }

    /** This request with another sequence number, as a session assigns it when sending. */
    PduRequest<R> withSequenceNumber(int sequenceNumber);

    /**
     * The answer that refuses this request with {@code status}: its own response type with an
     * empty body, or a generic_nack for a request that has no response type.
     */
    PduResponse errorResponse(int status);

    /** A generic_nack for this request with {@code status}. */
    default GenericNack genericNack(int status) {
        return new GenericNack(status, sequenceNumber());
    }
}
