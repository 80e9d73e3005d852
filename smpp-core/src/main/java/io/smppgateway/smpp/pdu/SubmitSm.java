package io.smppgateway.smpp.pdu;

/** submit_sm (SMPP 5.0, 4.2.1): An ESME submits a short message (SMSC-bound). Build one with {@link #builder()}. */
public record SubmitSm(int sequenceNumber, String serviceType, Address source, Address destination, int esmClass,
                       int protocolId, int priorityFlag, String scheduleDeliveryTime, String validityPeriod,
                       int registeredDelivery, int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId,
                       Octets shortMessage, Tlvs tlvs)
        implements PduRequest<SubmitSmResp>, ShortMessageRequest {

    public SubmitSm {
        serviceType = serviceType == null ? "" : serviceType;
        source = source == null ? Address.EMPTY : source;
        destination = destination == null ? Address.EMPTY : destination;
        scheduleDeliveryTime = scheduleDeliveryTime == null ? "" : scheduleDeliveryTime;
        validityPeriod = validityPeriod == null ? "" : validityPeriod;
        shortMessage = shortMessage == null ? Octets.EMPTY : shortMessage;
        tlvs = Fields.tlvs(tlvs);
        ShortMessageRequest.validate(serviceType, source, destination, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId, shortMessage);
    }

    public static ShortMessageBuilder<SubmitSm> builder() {
        return new ShortMessageBuilder<>(SubmitSm::new);
    }

    /** A builder that starts from this PDU's fields. */
    public ShortMessageBuilder<SubmitSm> toBuilder() {
        return new ShortMessageBuilder<>(SubmitSm::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_SM;
    }

    @Override
    public SubmitSm withSequenceNumber(int sequenceNumber) {
        return new SubmitSm(sequenceNumber, serviceType, source, destination, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public SubmitSmResp errorResponse(int status) {
        return new SubmitSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    /** The successful response carrying {@code messageId}. */
    public SubmitSmResp response(String messageId) {
        return new SubmitSmResp(0, sequenceNumber, messageId, Tlvs.EMPTY);
    }
}
