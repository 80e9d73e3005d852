package io.smppgateway.smpp.pdu;

/** A PDU that answers a request, carrying the request's sequence number and a command_status. */
public sealed interface PduResponse extends Pdu
        permits GenericNack, BindTransmitterResp, BindReceiverResp, BindTransceiverResp, UnbindResp,
                EnquireLinkResp, SubmitSmResp, DeliverSmResp, DataSmResp, QuerySmResp, CancelSmResp,
                ReplaceSmResp, SubmitMultiResp, BroadcastSmResp, QueryBroadcastSmResp,
                CancelBroadcastSmResp {

    /** Whether the status is ESME_ROK. */
    default boolean isOk() {
        return commandStatus() == 0;
    }
}
