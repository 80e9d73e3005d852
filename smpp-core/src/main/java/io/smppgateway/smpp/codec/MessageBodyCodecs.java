package io.smppgateway.smpp.codec;

import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVDESTFLAG;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVDLNAME;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVDSTADR;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVEXPIRY;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVMSGID;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSCHED;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSERTYP;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSRCADR;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DataSmResp;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.MessageIdResponse;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.ShortMessageRequest;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.UnsuccessfulSme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bodies of the message submission and delivery PDUs: submit_sm, deliver_sm, data_sm, submit_multi (SMPP 5.0, 4.2-4.3). */
final class MessageBodyCodecs {

    private MessageBodyCodecs() {
    }

    static void register(Map<CommandId, BodyCodec<? extends Pdu>> table) {
        table.put(CommandId.SUBMIT_SM, new ShortMessageCodec<>(SubmitSm::new));
        table.put(CommandId.DELIVER_SM, new ShortMessageCodec<>(DeliverSm::new));
        table.put(CommandId.SUBMIT_SM_RESP, new MessageIdResponseCodec<>(SubmitSmResp::new));
        table.put(CommandId.DELIVER_SM_RESP, new MessageIdResponseCodec<>(DeliverSmResp::new));
        table.put(CommandId.DATA_SM, new DataSmCodec());
        table.put(CommandId.DATA_SM_RESP, new MessageIdResponseCodec<>(DataSmResp::new));
        table.put(CommandId.SUBMIT_MULTI, new SubmitMultiCodec());
        table.put(CommandId.SUBMIT_MULTI_RESP, new SubmitMultiRespCodec());
    }

    private record ShortMessageCodec<P extends Pdu & ShortMessageRequest>(ShortMessageRequest.Factory<P> factory)
            implements BodyCodec<P> {
        @Override
        public P decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            Address destination = in.address("destination_addr", 21, ESME_RINVDSTADR);
            int esmClass = in.octet("esm_class");
            int protocolId = in.octet("protocol_id");
            int priorityFlag = in.octet("priority_flag");
            String schedule = in.cString("schedule_delivery_time", 17, ESME_RINVSCHED);
            String validity = in.cString("validity_period", 17, ESME_RINVEXPIRY);
            int registeredDelivery = in.octet("registered_delivery");
            int replaceIfPresent = in.octet("replace_if_present_flag");
            int dataCoding = in.octet("data_coding");
            int smDefaultMsgId = in.octet("sm_default_msg_id");
            Octets shortMessage = in.lengthPrefixedOctets("short_message");
            Tlvs tlvs = in.tlvs();
            return factory.create(in.sequenceNumber(), serviceType, source, destination, esmClass, protocolId,
                    priorityFlag, schedule, validity, registeredDelivery, replaceIfPresent, dataCoding,
                    smDefaultMsgId, shortMessage, tlvs);
        }

        @Override
        public void encode(P pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.address(pdu.source());
            out.address(pdu.destination());
            out.octet(pdu.esmClass());
            out.octet(pdu.protocolId());
            out.octet(pdu.priorityFlag());
            out.cString(pdu.scheduleDeliveryTime());
            out.cString(pdu.validityPeriod());
            out.octet(pdu.registeredDelivery());
            out.octet(pdu.replaceIfPresentFlag());
            out.octet(pdu.dataCoding());
            out.octet(pdu.smDefaultMsgId());
            out.lengthPrefixedOctets(pdu.shortMessage());
            out.tlvs(pdu.tlvs());
        }
    }

    @FunctionalInterface
    interface MessageIdResponseFactory<P> {
        P create(int commandStatus, int sequenceNumber, String messageId, Tlvs tlvs);
    }

    /** A response that is a message_id and TLVs; an error one may come with no body at all. */
    record MessageIdResponseCodec<P extends Pdu & MessageIdResponse>(MessageIdResponseFactory<P> factory)
            implements BodyCodec<P> {
        @Override
        public P decode(BodyReader in) {
            String id = in.hasRemaining() ? in.cString("message_id", 65, ESME_RINVMSGID) : "";
            return factory.create(in.commandStatus(), in.sequenceNumber(), id, in.tlvs());
        }

        @Override
        public void encode(P pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class DataSmCodec implements BodyCodec<DataSm> {
        @Override
        public DataSm decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            Address source = in.address("source_addr", 65, ESME_RINVSRCADR);
            Address destination = in.address("destination_addr", 65, ESME_RINVDSTADR);
            int esmClass = in.octet("esm_class");
            int registeredDelivery = in.octet("registered_delivery");
            int dataCoding = in.octet("data_coding");
            return new DataSm(in.sequenceNumber(), serviceType, source, destination, esmClass,
                    registeredDelivery, dataCoding, in.tlvs());
        }

        @Override
        public void encode(DataSm pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.address(pdu.source());
            out.address(pdu.destination());
            out.octet(pdu.esmClass());
            out.octet(pdu.registeredDelivery());
            out.octet(pdu.dataCoding());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class SubmitMultiCodec implements BodyCodec<SubmitMulti> {
        @Override
        public SubmitMulti decode(BodyReader in) {
            String serviceType = in.cString("service_type", 6, ESME_RINVSERTYP);
            Address source = in.address("source_addr", 21, ESME_RINVSRCADR);
            int count = in.octet("number_of_dests");
            List<DestinationAddress> destinations = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int flag = in.octet("dest_flag");
                if (flag == DestinationAddress.SME_ADDRESS) {
                    destinations.add(new DestinationAddress.Sme(in.address("destination_addr", 21, ESME_RINVDSTADR)));
                } else if (flag == DestinationAddress.DISTRIBUTION_LIST) {
                    destinations.add(new DestinationAddress.DistributionList(in.cString("dl_name", 21, ESME_RINVDLNAME)));
                } else {
                    throw new InvalidPduException(in.header(), ESME_RINVDESTFLAG.value(), "dest_flag " + flag + " is neither 1 nor 2");
                }
            }
            int esmClass = in.octet("esm_class");
            int protocolId = in.octet("protocol_id");
            int priorityFlag = in.octet("priority_flag");
            String schedule = in.cString("schedule_delivery_time", 17, ESME_RINVSCHED);
            String validity = in.cString("validity_period", 17, ESME_RINVEXPIRY);
            int registeredDelivery = in.octet("registered_delivery");
            int replaceIfPresent = in.octet("replace_if_present_flag");
            int dataCoding = in.octet("data_coding");
            int smDefaultMsgId = in.octet("sm_default_msg_id");
            Octets shortMessage = in.lengthPrefixedOctets("short_message");
            return new SubmitMulti(in.sequenceNumber(), serviceType, source, destinations, esmClass, protocolId,
                    priorityFlag, schedule, validity, registeredDelivery, replaceIfPresent, dataCoding,
                    smDefaultMsgId, shortMessage, in.tlvs());
        }

        @Override
        public void encode(SubmitMulti pdu, BodyWriter out) {
            out.cString(pdu.serviceType());
            out.address(pdu.source());
            out.octet(pdu.destinations().size());
            for (DestinationAddress destination : pdu.destinations()) {
                if (destination instanceof DestinationAddress.Sme sme) {
                    out.octet(DestinationAddress.SME_ADDRESS);
                    out.address(sme.address());
                } else if (destination instanceof DestinationAddress.DistributionList list) {
                    out.octet(DestinationAddress.DISTRIBUTION_LIST);
                    out.cString(list.name());
                }
            }
            out.octet(pdu.esmClass());
            out.octet(pdu.protocolId());
            out.octet(pdu.priorityFlag());
            out.cString(pdu.scheduleDeliveryTime());
            out.cString(pdu.validityPeriod());
            out.octet(pdu.registeredDelivery());
            out.octet(pdu.replaceIfPresentFlag());
            out.octet(pdu.dataCoding());
            out.octet(pdu.smDefaultMsgId());
            out.lengthPrefixedOctets(pdu.shortMessage());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class SubmitMultiRespCodec implements BodyCodec<SubmitMultiResp> {
        @Override
        public SubmitMultiResp decode(BodyReader in) {
            if (!in.hasRemaining()) {
                return new SubmitMultiResp(in.commandStatus(), in.sequenceNumber(), "", List.of(), Tlvs.EMPTY);
            }
            String messageId = in.cString("message_id", 65, ESME_RINVMSGID);
            int count = in.hasRemaining() ? in.octet("no_unsuccess") : 0;
            List<UnsuccessfulSme> unsuccessful = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Address address = in.address("destination_addr", 21, ESME_RINVDSTADR);
                unsuccessful.add(new UnsuccessfulSme(address, in.int32("error_status_code")));
            }
            return new SubmitMultiResp(in.commandStatus(), in.sequenceNumber(), messageId, unsuccessful, in.tlvs());
        }

        @Override
        public void encode(SubmitMultiResp pdu, BodyWriter out) {
            out.cString(pdu.messageId());
            out.octet(pdu.unsuccessful().size());
            for (UnsuccessfulSme sme : pdu.unsuccessful()) {
                out.address(sme.address());
                out.int32(sme.errorStatusCode());
            }
            out.tlvs(pdu.tlvs());
        }
    }
}
