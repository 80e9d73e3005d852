package io.smppgateway.smpp.pdu;

/** deliver_sm (SMPP 5.0, 4.3.1): An SMSC delivers a short message or a delivery receipt (ESME-bound). Build one with {@link #builder()}. */
public record DeliverSm(int sequenceNumber, String serviceType, Address source, Address destination, int esmClass,
                       int protocolId, int priorityFlag, String scheduleDeliveryTime, String validityPeriod,
                       int registeredDelivery, int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId,
                       Octets shortMessage, Tlvs tlvs)
        implements PduRequest<DeliverSmResp>, ShortMessageRequest {

    public DeliverSm {
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

    public static ShortMessageBuilder<DeliverSm> builder() {
        return new ShortMessageBuilder<>(DeliverSm::new);
    }

    /** A builder that starts from this PDU's fields. */
    public ShortMessageBuilder<DeliverSm> toBuilder() {
        return new ShortMessageBuilder<>(DeliverSm::new, this);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER_SM;
    }

    @Override
    public DeliverSm withSequenceNumber(int sequenceNumber) {
        return new DeliverSm(sequenceNumber, serviceType, source, destination, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public DeliverSmResp errorResponse(int status) {
        return new DeliverSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    /** The successful response carrying {@code messageId}. */
    public DeliverSmResp response(String messageId) {
        return new DeliverSmResp(0, sequenceNumber, messageId, Tlvs.EMPTY);
    }
}
