package io.smppgateway.smpp.pdu;

/** data_sm: a message in either direction with its content in TLVs, usually message_payload (SMPP 5.0, 4.2.2). */
public record DataSm(int sequenceNumber, String serviceType, Address source, Address destination, int esmClass,
                     int registeredDelivery, int dataCoding, Tlvs tlvs) implements PduRequest<DataSmResp> {

    public DataSm {
        serviceType = Fields.requireCString("service_type", serviceType, 6);
        source = source == null ? Address.EMPTY : source;
        destination = destination == null ? Address.EMPTY : destination;
        Fields.requireCString("source_addr", source.address(), 65);
        Fields.requireCString("destination_addr", destination.address(), 65);
        Fields.requireOctet("esm_class", esmClass);
        Fields.requireOctet("registered_delivery", registeredDelivery);
        Fields.requireOctet("data_coding", dataCoding);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DATA_SM;
    }

    @Override
    public DataSm withSequenceNumber(int sequenceNumber) {
        return new DataSm(sequenceNumber, serviceType, source, destination, esmClass, registeredDelivery, dataCoding, tlvs);
    }

    @Override
    public DataSmResp errorResponse(int status) {
        return new DataSmResp(status, sequenceNumber, "", Tlvs.EMPTY);
    }

    public DataSmResp response(String messageId) {
        return new DataSmResp(0, sequenceNumber, messageId, Tlvs.EMPTY);
    }
}
