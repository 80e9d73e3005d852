package io.smppgateway.smpp.pdu;

/**
 * Builds a submit_sm or deliver_sm field by field; every field starts at its empty or zero value.
 *
 * @param <T> the PDU it builds
 */
public final class ShortMessageBuilder<T extends ShortMessageRequest> {

    private final ShortMessageRequest.Factory<T> factory;
    private int sequenceNumber = 1;
    private String serviceType = "";
    private Address source = Address.EMPTY;
    private Address destination = Address.EMPTY;
    private int esmClass;
    private int protocolId;
    private int priorityFlag;
    private String scheduleDeliveryTime = "";
    private String validityPeriod = "";
    private int registeredDelivery;
    private int replaceIfPresentFlag;
    private int dataCoding;
    private int smDefaultMsgId;
    private Octets shortMessage = Octets.EMPTY;
    private Tlvs tlvs = Tlvs.EMPTY;

    ShortMessageBuilder(ShortMessageRequest.Factory<T> factory) {
        this.factory = factory;
    }

    /** A builder that starts from every field of {@code pdu}. */
    ShortMessageBuilder(ShortMessageRequest.Factory<T> factory, ShortMessageRequest pdu) {
        this(factory);
        sequenceNumber = pdu.sequenceNumber();
        serviceType = pdu.serviceType();
        source = pdu.source();
        destination = pdu.destination();
        esmClass = pdu.esmClass();
        protocolId = pdu.protocolId();
        priorityFlag = pdu.priorityFlag();
        scheduleDeliveryTime = pdu.scheduleDeliveryTime();
        validityPeriod = pdu.validityPeriod();
        registeredDelivery = pdu.registeredDelivery();
        replaceIfPresentFlag = pdu.replaceIfPresentFlag();
        dataCoding = pdu.dataCoding();
        smDefaultMsgId = pdu.smDefaultMsgId();
        shortMessage = pdu.shortMessage();
        tlvs = pdu.tlvs();
    }

    public ShortMessageBuilder<T> sequenceNumber(int value) {
        sequenceNumber = value;
        return this;
    }

    public ShortMessageBuilder<T> serviceType(String value) {
        serviceType = value;
        return this;
    }

    public ShortMessageBuilder<T> source(Address value) {
        source = value;
        return this;
    }

    public ShortMessageBuilder<T> source(int ton, int npi, String address) {
        return source(new Address(ton, npi, address));
    }

    public ShortMessageBuilder<T> destination(Address value) {
        destination = value;
        return this;
    }

    public ShortMessageBuilder<T> destination(int ton, int npi, String address) {
        return destination(new Address(ton, npi, address));
    }

    public ShortMessageBuilder<T> esmClass(int value) {
        esmClass = value;
        return this;
    }

    public ShortMessageBuilder<T> protocolId(int value) {
        protocolId = value;
        return this;
    }

    public ShortMessageBuilder<T> priorityFlag(int value) {
        priorityFlag = value;
        return this;
    }

    public ShortMessageBuilder<T> scheduleDeliveryTime(String value) {
        scheduleDeliveryTime = value;
        return this;
    }

    public ShortMessageBuilder<T> validityPeriod(String value) {
        validityPeriod = value;
        return this;
    }

    public ShortMessageBuilder<T> registeredDelivery(int value) {
        registeredDelivery = value;
        return this;
    }

    public ShortMessageBuilder<T> replaceIfPresentFlag(int value) {
        replaceIfPresentFlag = value;
        return this;
    }

    public ShortMessageBuilder<T> dataCoding(int value) {
        dataCoding = value;
        return this;
    }

    public ShortMessageBuilder<T> smDefaultMsgId(int value) {
        smDefaultMsgId = value;
        return this;
    }

    public ShortMessageBuilder<T> shortMessage(Octets value) {
        shortMessage = value;
        return this;
    }

    public ShortMessageBuilder<T> shortMessage(byte[] value) {
        return shortMessage(Octets.of(value));
    }

    public ShortMessageBuilder<T> tlvs(Tlvs value) {
        tlvs = value;
        return this;
    }

    public ShortMessageBuilder<T> tlv(Tlv value) {
        tlvs = tlvs.with(value);
        return this;
    }

    public T build() {
        return factory.create(sequenceNumber, serviceType, source, destination, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresentFlag, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }
}
