package io.smppgateway.smpp.pdu;

import java.util.List;

/** submit_multi: one message to up to 255 destinations or distribution lists (SMPP 5.0, 4.2.3). */
public record SubmitMulti(int sequenceNumber, String serviceType, Address source,
                          List<DestinationAddress> destinations, int esmClass, int protocolId, int priorityFlag,
                          String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
                          int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, Octets shortMessage,
                          Tlvs tlvs) implements PduRequest<SubmitMultiResp> {

    public SubmitMulti {
        serviceType = Fields.requireCString("service_type", serviceType, 6);
        source = source == null ? Address.EMPTY : source;
        Fields.requireCString("source_addr", source.address(), 21);
        destinations = List.copyOf(destinations);
        if (destinations.size() > 255) {
            throw new IllegalArgumentException("number_of_dests is at most 255, was " + destinations.size());
        }
        Fields.requireOctet("esm_class", esmClass);
        Fields.requireOctet("protocol_id", protocolId);
        Fields.requireOctet("priority_flag", priorityFlag);
        scheduleDeliveryTime = Fields.requireCString("schedule_delivery_time", scheduleDeliveryTime, 17);
        validityPeriod = Fields.requireCString("validity_period", validityPeriod, 17);
        Fields.requireOctet("registered_delivery", registeredDelivery);
        Fields.requireOctet("replace_if_present_flag", replaceIfPresentFlag);
        Fields.requireOctet("data_coding", dataCoding);
        Fields.requireOctet("sm_default_msg_id", smDefaultMsgId);
        shortMessage = Fields.requireOctets("short_message", shortMessage, 255);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_MULTI;
    }

    @Override
    public SubmitMulti withSequenceNumber(int sequenceNumber) {
        return new SubmitMulti(sequenceNumber, serviceType, source, destinations, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public SubmitMultiResp errorResponse(int status) {
        return new SubmitMultiResp(status, sequenceNumber, "", List.of(), Tlvs.EMPTY);
    }
}
