package io.smppgateway.smpp.codec.fuzz;

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
import io.smppgateway.smpp.pdu.CommandStatus;
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
import io.smppgateway.smpp.pdu.ShortMessageRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid PDU values of every type with random fields: strings of any length their field allows
 * (Latin-1 octets other than NUL), any octet for one-octet fields, any 32-bit sequence number
 * and status, and a few TLVs of standard, vendor or unassigned tags. They feed the fuzz test as
 * round-trip cases and as seeds for mutation; sizes stay well under a few kilobytes.
 */
final class RandomPdus {

    private static final TlvTag[] STANDARD_TAGS = TlvTag.values();

    private RandomPdus() {
    }

    static Pdu of(CommandId id, SplittableRandom r) {
        int seq = r.nextInt();
        int status = status(r);
        switch (id) {
            case GENERIC_NACK: return new GenericNack(status, seq);
            case BIND_TRANSMITTER: return new BindTransmitter(seq, text(r, 16), text(r, 9), text(r, 13), u8(r), address(r, 41));
            case BIND_RECEIVER: return new BindReceiver(seq, text(r, 16), text(r, 9), text(r, 13), u8(r), address(r, 41));
            case BIND_TRANSCEIVER: return new BindTransceiver(seq, text(r, 16), text(r, 9), text(r, 13), u8(r), address(r, 41));
            case BIND_TRANSMITTER_RESP: return new BindTransmitterResp(status, seq, text(r, 16), tlvs(r));
            case BIND_RECEIVER_RESP: return new BindReceiverResp(status, seq, text(r, 16), tlvs(r));
            case BIND_TRANSCEIVER_RESP: return new BindTransceiverResp(status, seq, text(r, 16), tlvs(r));
            case OUTBIND: return new Outbind(seq, text(r, 16), text(r, 9));
            case UNBIND: return new Unbind(seq);
            case UNBIND_RESP: return new UnbindResp(status, seq);
            case ENQUIRE_LINK: return new EnquireLink(seq);
            case ENQUIRE_LINK_RESP: return new EnquireLinkResp(status, seq);
            case SUBMIT_SM: return shortMessage(r, seq, SubmitSm::new);
            case DELIVER_SM: return shortMessage(r, seq, DeliverSm::new);
            case SUBMIT_SM_RESP: return new SubmitSmResp(status, seq, text(r, 65), tlvs(r));
            case DELIVER_SM_RESP: return new DeliverSmResp(status, seq, text(r, 65), tlvs(r));
            case DATA_SM: return new DataSm(seq, text(r, 6), address(r, 65), address(r, 65), u8(r), u8(r), u8(r), tlvs(r));
            case DATA_SM_RESP: return new DataSmResp(status, seq, text(r, 65), tlvs(r));
            case QUERY_SM: return new QuerySm(seq, text(r, 65), address(r, 21));
            case QUERY_SM_RESP: return new QuerySmResp(status, seq, text(r, 65), text(r, 17), u8(r), u8(r));
            case CANCEL_SM: return new CancelSm(seq, text(r, 6), text(r, 65), address(r, 21), address(r, 21));
            case CANCEL_SM_RESP: return new CancelSmResp(status, seq);
            case REPLACE_SM: return new ReplaceSm(seq, text(r, 65), address(r, 21), text(r, 17), text(r, 17), u8(r), u8(r),
                    octets(r, 255), tlvs(r));
            case REPLACE_SM_RESP: return new ReplaceSmResp(status, seq);
            case SUBMIT_MULTI: return submitMulti(r, seq);
            case SUBMIT_MULTI_RESP: return submitMultiResp(r, status, seq);
            case ALERT_NOTIFICATION: return new AlertNotification(seq, address(r, 65), address(r, 65), tlvs(r));
            case BROADCAST_SM: return new BroadcastSm(seq, text(r, 6), address(r, 21), text(r, 65), u8(r), text(r, 17),
                    text(r, 17), u8(r), u8(r), u8(r), tlvs(r));
            case BROADCAST_SM_RESP: return new BroadcastSmResp(status, seq, text(r, 65), tlvs(r));
            case QUERY_BROADCAST_SM: return new QueryBroadcastSm(seq, text(r, 65), address(r, 21), tlvs(r));
            case QUERY_BROADCAST_SM_RESP: return new QueryBroadcastSmResp(status, seq, text(r, 65), tlvs(r));
            case CANCEL_BROADCAST_SM: return new CancelBroadcastSm(seq, text(r, 6), text(r, 65), address(r, 21), tlvs(r));
            case CANCEL_BROADCAST_SM_RESP: return new CancelBroadcastSmResp(status, seq);
            default: throw new IllegalArgumentException("no generator for " + id);
        }
    }

    private static <P extends ShortMessageRequest> P shortMessage(SplittableRandom r, int seq,
                                                                  ShortMessageRequest.Factory<P> factory) {
        return factory.create(seq, text(r, 6), address(r, 21), address(r, 21), u8(r), u8(r), u8(r), text(r, 17),
                text(r, 17), u8(r), u8(r), u8(r), u8(r), octets(r, 255), tlvs(r));
    }

    private static SubmitMulti submitMulti(SplittableRandom r, int seq) {
        List<DestinationAddress> destinations = new ArrayList<>();
        int count = r.nextInt(8);
        for (int i = 0; i < count; i++) {
            destinations.add(r.nextBoolean() ? new DestinationAddress.Sme(address(r, 21))
                    : new DestinationAddress.DistributionList(text(r, 21)));
        }
        return new SubmitMulti(seq, text(r, 6), address(r, 21), destinations, u8(r), u8(r), u8(r), text(r, 17),
                text(r, 17), u8(r), u8(r), u8(r), u8(r), octets(r, 255), tlvs(r));
    }

    private static SubmitMultiResp submitMultiResp(SplittableRandom r, int status, int seq) {
        List<UnsuccessfulSme> failed = new ArrayList<>();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            failed.add(new UnsuccessfulSme(address(r, 21), r.nextInt()));
        }
        return new SubmitMultiResp(status, seq, text(r, 65), failed, tlvs(r));
    }

    /** ESME_ROK half the time, else a standard, vendor or arbitrary 32-bit status. */
    private static int status(SplittableRandom r) {
        if (r.nextBoolean()) {
            return 0;
        }
        CommandStatus[] known = CommandStatus.values();
        return switch (r.nextInt(3)) {
            case 0 -> known[r.nextInt(known.length)].value();
            case 1 -> 0x400 + r.nextInt(0x100);
            default -> r.nextInt();
        };
    }

    private static int u8(SplittableRandom r) {
        return r.nextInt(256);
    }

    /** A C-octet string of 0 to maxWithNul - 1 characters, printable ASCII or any Latin-1 octet but NUL. */
    static String text(SplittableRandom r, int maxWithNul) {
        int length = r.nextInt(4) == 0 ? maxWithNul - 1 : r.nextInt(maxWithNul);
        boolean printable = r.nextBoolean();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (printable ? 0x20 + r.nextInt(0x5F) : 1 + r.nextInt(255));
        }
        return new String(chars);
    }

    private static Address address(SplittableRandom r, int maxWithNul) {
        return new Address(u8(r), u8(r), text(r, maxWithNul));
    }

    static Octets octets(SplittableRandom r, int max) {
        byte[] bytes = new byte[r.nextInt(max + 1)];
        r.nextBytes(bytes);
        return Octets.wrap(bytes);
    }

    /** Up to four TLVs: standard tags with values of their type, vendor tags, or any 16-bit tag. */
    static Tlvs tlvs(SplittableRandom r) {
        int count = r.nextInt(3) == 0 ? 0 : r.nextInt(5);
        List<Tlv> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(tlv(r));
        }
        return new Tlvs(list);
    }

    private static Tlv tlv(SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0: {
                TlvTag tag = STANDARD_TAGS[r.nextInt(STANDARD_TAGS.length)];
                if (tag.type().isInteger()) {
                    long max = tag.type().fixedLength() == 4 ? 0xFFFFFFFFL : (1L << (8 * tag.type().fixedLength())) - 1;
                    return Tlv.ofInt(tag, r.nextLong(max + 1));
                }
                if (tag.type() == io.smppgateway.smpp.pdu.TlvType.CSTRING) {
                    return Tlv.ofCString(tag, text(r, Math.min(tag.maxLength(), 70)));
                }
                return Tlv.ofOctets(tag, octets(r, Math.min(tag.maxLength(), 300)));
            }
            case 1:
                return new Tlv(0x1400 + r.nextInt(0x2C00), octets(r, 32));
            default:
                return new Tlv(r.nextInt(0x10000), octets(r, 32));
        }
    }
}
