package io.smppgateway.smpp.codec;

import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVEXPIRY;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVMSGID;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSCHED;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSERTYP;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSRCADR;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BroadcastSm;
import io.smppgateway.smpp.pdu.BroadcastSmResp;
import io.smppgateway.smpp.pdu.CancelBroadcastSm;
import io.smppgateway.smpp.pdu.CancelBroadcastSmResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QueryBroadcastSm;
import io.smppgateway.smpp.pdu.QueryBroadcastSmResp;
import java.util.Map;

/** Bodies of the SMPP 5.0 cell broadcast PDUs (SMPP 5.0, 4.4 and 4.6). */
final class BroadcastBodyCodecs {

    private BroadcastBodyCodecs() {
    }

    static void register(Map<CommandId, BodyCodec<? extends Pdu>> table) {
        table.put(CommandId.BROADCAST_SM, new BroadcastSmCodec());
        table.put(CommandId.BROADCAST_SM_RESP, new MessageBodyCodecs.MessageIdResponseCodec<>(BroadcastSmResp::new));
        table.put(CommandId.QUERY_BROADCAST_SM, new QueryBroadcastSmCodec());
        table.put(CommandId.QUERY_BROADCAST_SM_RESP,
                new MessageBodyCodecs.MessageIdResponseCodec<>(QueryBroadcastSmResp::new));
        table.put(CommandId.CANCEL_BROADCAST_SM, new CancelBroadcastSmCodec());
        table.put(CommandId.CANCEL_BROADCAST_SM_RESP, SessionBodyCodecs.headerOnly(CancelBroadcastSmResp::new));
    }

    private static final class BroadcastSmCodec implements BodyCodec<BroadcastSm> {
        @Override
        public BroadcastSm decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            int priorityFlag = in.octet("priority_flag");
            String schedule = in.cString("schedule_delivery_time", 17, ESME_RINVSCHED);
            String validity = in.cString("validity_period", 17, ESME_RINVEXPIRY);
            int replaceIfPresent = in.octet("replace_if_present_flag");
            int dataCoding = in.octet("data_coding");
            int smDefaultMsgId = in.octet("sm_default_msg_id");
            return new BroadcastSm(in.sequenceNumber(), serviceType, source, messageId, priorityFlag, schedule,
                    validity, replaceIfPresent, dataCoding, smDefaultMsgId, in.tlvs());
        }

        @Override
        public void encode(BroadcastSm pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.address(pdu.source());
            out.cString(pdu.messageId());
            out.octet(pdu.priorityFlag());
            out.cString(pdu.scheduleDeliveryTime());
            out.cString(pdu.validityPeriod());
            out.octet(pdu.replaceIfPresentFlag());
            out.octet(pdu.dataCoding());
            out.octet(pdu.smDefaultMsgId());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class QueryBroadcastSmCodec implements BodyCodec<QueryBroadcastSm> {
        @Override
        public QueryBroadcastSm decode(BodyReader in) {
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            return new QueryBroadcastSm(in.sequenceNumber(), messageId, source, in.tlvs());
        }

        @Override
        public void encode(QueryBroadcastSm pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.address(pdu.source());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class CancelBroadcastSmCodec implements BodyCodec<CancelBroadcastSm> {
        @Override
        public CancelBroadcastSm decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            return new CancelBroadcastSm(in.sequenceNumber(), serviceType, messageId, source, in.tlvs());
        }

        @Override
        public void encode(CancelBroadcastSm pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.cString(pdu.messageId());
            out.address(pdu.source());
            out.tlvs(pdu.tlvs());
        }
    }
}
