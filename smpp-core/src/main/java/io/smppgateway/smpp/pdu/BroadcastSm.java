package io.smppgateway.smpp.pdu;

/**
 * broadcast_sm (SMPP 5.0, 4.4.1): a cell broadcast message; its content, areas and repetition travel
 * in TLVs (broadcast_area_identifier, broadcast_content_type, broadcast_rep_num,
 * broadcast_frequency_interval, message_payload).
 */
public record BroadcastSm(int sequenceNumber, String serviceType, Address source, String messageId,
                          int priorityFlag, String scheduleDeliveryTime, String validityPeriod,
                          int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, Tlvs tlvs)
        implements PduRequest<BroadcastSmResp> {

    public BroadcastSm {
        serviceType = Fields.requireCString("service_type", serviceType, 6);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
        messageId = Fields.requireCString("message_id", messageId, 65);
        Fields.requireOctet("priority_flag", priorityFlag);
        scheduleDeliveryTime = Fields.requireCString("schedule_delivery_time", scheduleDeliveryTime, 17);
        validityPeriod = Fields.requireCString("validity_period", validityPeriod, 17);
        Fields.requireOctet("replace_if_present_flag", replaceIfPresentFlag);
        Fields.requireOctet("data_coding", dataCoding);
        Fields.requireOctet("sm_default_msg_id", smDefaultMsgId);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.BROADCAST_SM;
    }

    @Override
    public BroadcastSm withSequenceNumber(int sequenceNumber) {
        return new BroadcastSm(sequenceNumber, serviceType, source, messageId, priorityFlag, scheduleDeliveryTime,
                validityPeriod, replaceIfPresentFlag, dataCoding, smDefaultMsgId, tlvs);
    }

    @Override
    public BroadcastSmResp errorResponse(int status) {
        return new BroadcastSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }
}
