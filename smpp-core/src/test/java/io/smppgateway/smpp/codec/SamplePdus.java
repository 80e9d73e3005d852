package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.AlertNotification;
import io.smppgateway.smpp.pdu.BindReceiver;
import io.smppgateway.smpp.pdu.BindReceiverResp;
import io.smppgateway.smpp.pdu.BindTransceiver;
import io.smppgateway.smpp.pdu.BindTransceiverResp;
import io.smppgateway.smpp.pdu.BindTransmitter;
import io.smppgateway.smpp.pdu.BindTransmitterResp;
import io.smppgateway.smpp.pdu.BroadcastSm;
import io.smppgateway.smpp.pdu.BroadcastSmResp;
import io.smppgateway.smpp.pdu.CancelBroadcastSm;
import io.smppgateway.smpp.pdu.CancelBroadcastSmResp;
import io.smppgateway.smpp.pdu.CancelSm;
import io.smppgateway.smpp.pdu.CancelSmResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DataSmResp;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Outbind;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QueryBroadcastSm;
import io.smppgateway.smpp.pdu.QueryBroadcastSmResp;
import io.smppgateway.smpp.pdu.QuerySm;
import io.smppgateway.smpp.pdu.QuerySmResp;
import io.smppgateway.smpp.pdu.ReplaceSm;
import io.smppgateway.smpp.pdu.ReplaceSmResp;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import io.smppgateway.smpp.pdu.UnsuccessfulSme;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One populated instance of every PDU type, for round trips, cross-checks and fuzz seeds. */
public final class SamplePdus {

    private SamplePdus() {
    }

    public static final Address SENDER = Address.of(5, 0, "MySender");
    public static final Address RECEIVER = Address.of(1, 1, "380991234567");

    public static Octets text(String text) {
        return Octets.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static SubmitSm submitSm() {
        return SubmitSm.builder().sequenceNumber(8).source(SENDER).destination(RECEIVER)
                .registeredDelivery(1).smDefaultMsgId(1).shortMessage(text("Have a nice day!")).build();
    }

    public static DeliverSm deliveryReceipt() {
        String receipt = "id:0123456789 sub:001 dlvrd:001 submit date:2407292102 done date:2407292103 stat:DELIVRD err:000 text:Have a nice day!";
        return DeliverSm.builder().sequenceNumber(77).source(RECEIVER).destination(SENDER).esmClass(0x04)
                .shortMessage(text(receipt))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "0123456789"))
                .tlv(Tlv.ofInt(TlvTag.MESSAGE_STATE, 2))
                .build();
    }

    /** Every PDU type, populated where it has fields. */
    public static Map<CommandId, Pdu> all() {
        Map<CommandId, Pdu> all = new EnumMap<>(CommandId.class);
        Tlvs scVersion = Tlvs.of(Tlv.ofInt(TlvTag.SC_INTERFACE_VERSION, 0x34));
        Address range = Address.of(1, 1, "^3809");
        all.put(CommandId.GENERIC_NACK, new GenericNack(0x03, 5));
        all.put(CommandId.BIND_TRANSMITTER, new BindTransmitter(1, "smppclient1", "password", "VMA", 0x34, range));
        all.put(CommandId.BIND_RECEIVER, new BindReceiver(2, "smppclient1", "pwd", "", 0x33, Address.EMPTY));
        all.put(CommandId.BIND_TRANSCEIVER, new BindTransceiver(3, "smppclient1", "password", "", 0x50, Address.EMPTY));
        all.put(CommandId.BIND_TRANSMITTER_RESP, new BindTransmitterResp(0, 1, "SMSC", scVersion));
        all.put(CommandId.BIND_RECEIVER_RESP, new BindReceiverResp(0, 2, "SMSC", Tlvs.EMPTY));
        all.put(CommandId.BIND_TRANSCEIVER_RESP, new BindTransceiverResp(0, 3, "SMSC", scVersion));
        all.put(CommandId.OUTBIND, new Outbind(4, "SMSC", "secret"));
        all.put(CommandId.UNBIND, new Unbind(9));
        all.put(CommandId.UNBIND_RESP, new UnbindResp(0, 9));
        all.put(CommandId.ENQUIRE_LINK, new EnquireLink(10));
        all.put(CommandId.ENQUIRE_LINK_RESP, new EnquireLinkResp(0, 10));
        all.put(CommandId.SUBMIT_SM, submitSm().toBuilder()
                .tlv(Tlv.ofInt(TlvTag.SAR_MSG_REF_NUM, 0x1234))
                .tlv(Tlv.ofInt(TlvTag.SAR_TOTAL_SEGMENTS, 2))
                .tlv(Tlv.ofInt(TlvTag.SAR_SEGMENT_SEQNUM, 1))
                .build());
        all.put(CommandId.SUBMIT_SM_RESP, new SubmitSmResp(0, 8, "655a1b96a6c90b528d62397caec3c15d", Tlvs.EMPTY));
        all.put(CommandId.DELIVER_SM, deliveryReceipt());
        all.put(CommandId.DELIVER_SM_RESP, new DeliverSmResp(0, 77, "", Tlvs.EMPTY));
        all.put(CommandId.DATA_SM, new DataSm(11, "WAP", SENDER, RECEIVER, 0, 1, 8,
                Tlvs.of(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.wrap("long payload".getBytes(StandardCharsets.UTF_16BE))))));
        all.put(CommandId.DATA_SM_RESP, new DataSmResp(0, 11, "abc123",
                Tlvs.of(Tlv.ofCString(TlvTag.ADDITIONAL_STATUS_INFO_TEXT, "queued"))));
        all.put(CommandId.QUERY_SM, new QuerySm(12, "abc123", SENDER));
        all.put(CommandId.QUERY_SM_RESP, new QuerySmResp(0, 12, "abc123", "240729210300000+", 2, 0));
        all.put(CommandId.CANCEL_SM, new CancelSm(13, "", "abc123", SENDER, RECEIVER));
        all.put(CommandId.CANCEL_SM_RESP, new CancelSmResp(0, 13));
        all.put(CommandId.REPLACE_SM, new ReplaceSm(14, "abc123", SENDER, "", "240730210300000+", 1, 0,
                text("Replaced text"), Tlvs.EMPTY));
        all.put(CommandId.REPLACE_SM_RESP, new ReplaceSmResp(0, 14));
        all.put(CommandId.SUBMIT_MULTI, new SubmitMulti(15, "", SENDER,
                List.of(new DestinationAddress.Sme(RECEIVER), new DestinationAddress.DistributionList("friends")),
                0, 0, 0, "", "", 1, 0, 0, 0, text("Hello all"), Tlvs.EMPTY));
        all.put(CommandId.SUBMIT_MULTI_RESP, new SubmitMultiResp(0, 15, "m-1",
                List.of(new UnsuccessfulSme(Address.of(1, 1, "380990000000"), 0x0B)), Tlvs.EMPTY));
        all.put(CommandId.ALERT_NOTIFICATION, new AlertNotification(16, RECEIVER, SENDER,
                Tlvs.of(Tlv.ofInt(TlvTag.MS_AVAILABILITY_STATUS, 0))));
        all.put(CommandId.BROADCAST_SM, new BroadcastSm(17, "", SENDER, "", 0, "", "", 0, 0, 0, Tlvs.of(
                Tlv.ofOctets(TlvTag.BROADCAST_AREA_IDENTIFIER, Octets.fromHex("0001")),
                Tlv.ofOctets(TlvTag.BROADCAST_CONTENT_TYPE, Octets.fromHex("000000")),
                Tlv.ofInt(TlvTag.BROADCAST_REP_NUM, 1),
                Tlv.ofOctets(TlvTag.BROADCAST_FREQUENCY_INTERVAL, Octets.fromHex("090001")),
                Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, text("Cell broadcast")))));
        all.put(CommandId.BROADCAST_SM_RESP, new BroadcastSmResp(0, 17, "b-1", Tlvs.EMPTY));
        all.put(CommandId.QUERY_BROADCAST_SM, new QueryBroadcastSm(18, "b-1", SENDER, Tlvs.EMPTY));
        all.put(CommandId.QUERY_BROADCAST_SM_RESP, new QueryBroadcastSmResp(0, 18, "b-1", Tlvs.of(
                Tlv.ofInt(TlvTag.MESSAGE_STATE, 1),
                Tlv.ofOctets(TlvTag.BROADCAST_AREA_IDENTIFIER, Octets.fromHex("0001")),
                Tlv.ofInt(TlvTag.BROADCAST_AREA_SUCCESS, 100))));
        all.put(CommandId.CANCEL_BROADCAST_SM, new CancelBroadcastSm(19, "", "b-1", SENDER, Tlvs.EMPTY));
        all.put(CommandId.CANCEL_BROADCAST_SM_RESP, new CancelBroadcastSmResp(0, 19));
        return all;
    }
}
