package io.smppgateway.smpp.codec;

import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVCMDLEN;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVDSTADR;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVEXPIRY;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVMSGID;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSCHED;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSERTYP;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSRCADR;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.AlertNotification;
import io.smppgateway.smpp.pdu.CancelSm;
import io.smppgateway.smpp.pdu.CancelSmResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QuerySm;
import io.smppgateway.smpp.pdu.QuerySmResp;
import io.smppgateway.smpp.pdu.ReplaceSm;
import io.smppgateway.smpp.pdu.ReplaceSmResp;
import java.util.Map;

/** Bodies of the ancillary operations: query_sm, cancel_sm, replace_sm (SMPP 5.0, 4.5) and alert_notification (4.1.3). */
final class AncillaryBodyCodecs {

    private AncillaryBodyCodecs() {
    }

    static void register(Map<CommandId, BodyCodec<? extends Pdu>> table) {
        table.put(CommandId.QUERY_SM, new QuerySmCodec());
        table.put(CommandId.QUERY_SM_RESP, new QuerySmRespCodec());
        table.put(CommandId.CANCEL_SM, new CancelSmCodec());
        table.put(CommandId.CANCEL_SM_RESP,
                SessionBodyCodecs.headerOnly(CancelSmResp::new));
        table.put(CommandId.REPLACE_SM, new ReplaceSmCodec());
        table.put(CommandId.REPLACE_SM_RESP,
                SessionBodyCodecs.headerOnly(ReplaceSmResp::new));
        table.put(CommandId.ALERT_NOTIFICATION, new AlertNotificationCodec());
    }

    private static final class QuerySmCodec implements BodyCodec<QuerySm> {
        @Override
        public QuerySm decode(BodyReader in) {
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            in.requireFullyRead();
            return new QuerySm(in.sequenceNumber(), messageId, source);
        }

        @Override
        public void encode(QuerySm pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.address(pdu.source());
        }
    }

    private static final class QuerySmRespCodec implements BodyCodec<QuerySmResp> {
        @Override
        public QuerySmResp decode(BodyReader in) {
            if (!in.hasRemaining()) {
                return new QuerySmResp(in.commandStatus(), in.sequenceNumber(), "", "", 0, 0);
            }
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            String finalDate = in.cString("final_date", 17, ESME_RINVCMDLEN);
            int state = in.octet("message_state");
            int errorCode = in.octet("error_code");
            return new QuerySmResp(in.commandStatus(), in.sequenceNumber(), messageId, finalDate, state, errorCode);
        }

        @Override
        public void encode(QuerySmResp pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.cString(pdu.finalDate());
            out.octet(pdu.messageState());
            out.octet(pdu.errorCode());
        }
    }

    private static final class CancelSmCodec implements BodyCodec<CancelSm> {
        @Override
        public CancelSm decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            Address destination = in.address("destination_addr", 21, ESME_RINVDSTADR);
            in.requireFullyRead();
            return new CancelSm(in.sequenceNumber(), serviceType, messageId, source, destination);
        }

        @Override
        public void encode(CancelSm pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.cString(pdu.messageId());
            out.address(pdu.source());
            out.address(pdu.destination());
        }
    }

    private static final class ReplaceSmCodec implements BodyCodec<ReplaceSm> {
        @Override
        public ReplaceSm decode(BodyReader in) {
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            String schedule = in.cString("schedule_delivery_time", 17, ESME_RINVSCHED);
            String validity = in.cString("validity_period", 17, ESME_RINVEXPIRY);
            int registeredDelivery = in.octet("registered_delivery");
            int smDefaultMsgId = in.octet("sm_default_msg_id");
            Octets shortMessage = in.lengthPrefixedOctets("short_message");
            return new ReplaceSm(in.sequenceNumber(), messageId, source, schedule, validity, registeredDelivery,
                    smDefaultMsgId, shortMessage, in.tlvs());
        }

        @Override
        public void encode(ReplaceSm pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.address(pdu.source());
            out.cString(pdu.scheduleDeliveryTime());
            out.cString(pdu.validityPeriod());
            out.octet(pdu.registeredDelivery());
            out.octet(pdu.smDefaultMsgId());
            out.lengthPrefixedOctets(pdu.shortMessage());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class AlertNotificationCodec implements BodyCodec<AlertNotification> {
        @Override
        public AlertNotification decode(BodyReader in) {
            Address source = in.address("source_addr", 65, ESME_RINVSRCADR);
            Address esme = in.address("esme_addr", 65, ESME_RINVDSTADR);
            return new AlertNotification(in.sequenceNumber(), source, esme, in.tlvs());
        }

        @Override
        public void encode(AlertNotification pdu, BodyWriter out) {
            out.address(pdu.source());
            out.address(pdu.esme());
            out.tlvs(pdu.tlvs());
        }
    }
}
