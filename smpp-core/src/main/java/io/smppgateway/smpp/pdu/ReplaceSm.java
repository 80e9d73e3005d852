package io.smppgateway.smpp.pdu;

/** replace_sm: replaces a pending message (SMPP 5.0, 4.5.3); 5.0 allows message_payload in a TLV. */
public record ReplaceSm(int sequenceNumber, String messageId, Address source, String scheduleDeliveryTime,
                        String validityPeriod, int registeredDelivery, int smDefaultMsgId, Octets shortMessage,
                        Tlvs tlvs) implements PduRequest<ReplaceSmResp> {

    public ReplaceSm {
        messageId = Fields.requireCString("message_id", messageId, 65);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
        scheduleDeliveryTime = Fields.requireCString("schedule_delivery_time", scheduleDeliveryTime, 17);
        validityPeriod = Fields.requireCString("validity_period", validityPeriod, 17);
        Fields.requireOctet("registered_delivery", registeredDelivery);
        Fields.requireOctet("sm_default_msg_id", smDefaultMsgId);
        shortMessage = Fields.requireOctets("short_message", shortMessage, 255);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.REPLACE_SM;
    }

    @Override
    public ReplaceSm withSequenceNumber(int sequenceNumber) {
        return new ReplaceSm(sequenceNumber, messageId, source, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public ReplaceSmResp errorResponse(int status) {
        return new ReplaceSmResp(status, sequenceNumber);
    }
}
