package io.smppgateway.smpp.pdu;

/** alert_notification: an SMSC tells an ESME that a mobile became available (SMPP 5.0, 4.1.3.1). No response. */
public record AlertNotification(int sequenceNumber, Address source, Address esme, Tlvs tlvs)
        implements PduRequest<GenericNack> {

    public AlertNotification {
        source = source == null ? Address.EMPTY : source;
        esme = esme == null ? Address.EMPTY : esme;
        Fields.requireCString("source_addr", source.address(), 65);
        Fields.requireCString("esme_addr", esme.address(), 65);
        tlvs = Fields.tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.ALERT_NOTIFICATION;
    }

    @Override
    public AlertNotification withSequenceNumber(int sequenceNumber) {
        return new AlertNotification(sequenceNumber, source, esme, tlvs);
    }

    @Override
    public GenericNack errorResponse(int status) {
        return genericNack(status);
    }
}
