package io.smppgateway.smpp.pdu;

/**
 * What submit_sm and deliver_sm share: the same body (SMPP 5.0, 4.2.1 and 4.3.1), so that one
 * codec and one builder serve both.
 */
public sealed interface ShortMessageRequest permits SubmitSm, DeliverSm {

    int sequenceNumber();

    String serviceType();

    Address source();

    Address destination();

    int esmClass();

    int protocolId();

    int priorityFlag();

    String scheduleDeliveryTime();

    String validityPeriod();

    int registeredDelivery();

    int replaceIfPresentFlag();

    int dataCoding();

    int smDefaultMsgId();

    Octets shortMessage();

    Tlvs tlvs();

    /** Builds one kind of short message PDU from its fields in wire order. */
    @FunctionalInterface
    interface Factory<T extends ShortMessageRequest> {
        T create(int sequenceNumber, String serviceType, Address source, Address destination, int esmClass,
                 int protocolId, int priorityFlag, String scheduleDeliveryTime, String validityPeriod,
                 int registeredDelivery, int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId,
                 Octets shortMessage, Tlvs tlvs);
    }

    /** Checks the fields both PDUs limit alike; the record constructors call it. */
    static void validate(String serviceType, Address source, Address destination, int esmClass, int protocolId,
                         int priorityFlag, String scheduleDeliveryTime, String validityPeriod, int registeredDelivery,
                         int replaceIfPresentFlag, int dataCoding, int smDefaultMsgId, Octets shortMessage) {
        Fields.requireCString("service_type", serviceType, 6);
        Fields.requireCString("source_addr", source.address(), 21);
        Fields.requireCString("destination_addr", destination.address(), 21);
        Fields.requireOctet("esm_class", esmClass);
        Fields.requireOctet("protocol_id", protocolId);
        Fields.requireOctet("priority_flag", priorityFlag);
        Fields.requireCString("schedule_delivery_time", scheduleDeliveryTime, 17);
        Fields.requireCString("validity_period", validityPeriod, 17);
        Fields.requireOctet("registered_delivery", registeredDelivery);
        Fields.requireOctet("replace_if_present_flag", replaceIfPresentFlag);
        Fields.requireOctet("data_coding", dataCoding);
        Fields.requireOctet("sm_default_msg_id", smDefaultMsgId);
        Fields.requireOctets("short_message", shortMessage, 255);
    }
}
