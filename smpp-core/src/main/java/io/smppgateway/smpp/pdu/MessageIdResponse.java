package io.smppgateway.smpp.pdu;

/** A response whose body is a message_id followed by TLVs; an error one may come with no body. */
public sealed interface MessageIdResponse
        permits SubmitSmResp, DeliverSmResp, DataSmResp, BroadcastSmResp, QueryBroadcastSmResp {

    String messageId();

    Tlvs tlvs();
}
