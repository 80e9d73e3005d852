package io.smppgateway.smpp.interop;

import io.smppgateway.smpp.codec.SamplePdus;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PDUs the interop tests exchange with jsmpp and cloudhopper: one sample of every type
 * ({@link SamplePdus#all()}) and the shapes that break SMPP stacks in the field (UCS2 with a UDH,
 * message_payload beside a vendor TLV, error responses that carry no body).
 */
final class InteropCases {

    /** A named PDU, so that a parameterised test says which one failed. */
    record Case(String name, Pdu pdu) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A vendor-specific tag (0x1400-0x3FFF is the vendor range) that no library knows. */
    static final int VENDOR_TAG = 0x1401;

    private InteropCases() {
    }

    /** Every sample, then the extra shapes. */
    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<CommandId, Pdu> sample : SamplePdus.all().entrySet()) {
            cases.add(new Case(sample.getKey().name().toLowerCase(), sample.getValue()));
        }
        cases.add(new Case("submit_sm UCS2 with a concatenation UDH", ucs2WithUdh()));
        cases.add(new Case("submit_sm with message_payload and a vendor TLV", payloadWithVendorTlv()));
        cases.add(new Case("submit_multi to SME addresses only", submitMultiToSmes()));
        cases.add(new Case("deliver_sm MO with every octet field set", mobileOriginated()));
        return cases;
    }

    /**
     * Segment 1 of 2 of a UCS2 message: esm_class UDHI, data_coding 0x08, a 6-octet UDH
     * (IEI 0x00, 8-bit reference 0xA7) and then UTF-16BE text.
     */
    static SubmitSm ucs2WithUdh() {
        byte[] udh = Octets.fromHex("050003a70201").toByteArray();
        byte[] text = "Привіт, світе! €".getBytes(StandardCharsets.UTF_16BE);
        byte[] message = new byte[udh.length + text.length];
        System.arraycopy(udh, 0, message, 0, udh.length);
        System.arraycopy(text, 0, message, udh.length, text.length);
        return SamplePdus.submitSm().toBuilder().sequenceNumber(21).esmClass(EsmClass.UDHI).dataCoding(0x08)
                .shortMessage(Octets.wrap(message)).build();
    }

    /** sm_length 0 with the text in message_payload, followed by a TLV only its vendor knows. */
    static SubmitSm payloadWithVendorTlv() {
        return SamplePdus.submitSm().toBuilder().sequenceNumber(22).shortMessage(Octets.EMPTY)
                .tlv(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, SamplePdus.text("a payload longer than it needs to be")))
                .tlv(new Tlv(VENDOR_TAG, Octets.fromHex("deadbeef")))
                .build();
    }

    /** A mobile-originated UCS2 deliver_sm whose one-octet fields all differ, so that no two can be swapped unseen. */
    static DeliverSm mobileOriginated() {
        return DeliverSm.builder().sequenceNumber(24).serviceType("WAP").source(SamplePdus.RECEIVER)
                .destination(Address.of(3, 9, "1234")).esmClass(0x80).protocolId(0x7F).priorityFlag(2)
                .registeredDelivery(0x11).dataCoding(0x08)
                .shortMessage(Octets.wrap("Дякую".getBytes(StandardCharsets.UTF_16BE)))
                .tlv(Tlv.ofInt(TlvTag.USER_MESSAGE_REFERENCE, 0xBEEF))
                .build();
    }

    /** The submit_multi sample without its distribution list. */
    static SubmitMulti submitMultiToSmes() {
        return new SubmitMulti(23, "", SamplePdus.SENDER,
                List.of(new DestinationAddress.Sme(SamplePdus.RECEIVER),
                        new DestinationAddress.Sme(Address.of(1, 1, "380990000000"))),
                0, 0, 0, "", "", 1, 0, 0, 0, SamplePdus.text("Hello all"), Tlvs.EMPTY);
    }

    /**
     * The error answer to every request sample, as our session builds it: the request's own
     * response type with an empty body, or generic_nack for outbind and alert_notification.
     */
    static List<Case> errorResponses() {
        List<Case> cases = new ArrayList<>();
        for (Pdu sample : SamplePdus.all().values()) {
            if (sample instanceof PduRequest<?> request) {
                PduResponse error = request.errorResponse(CommandStatus.ESME_RSYSERR.value());
                cases.add(new Case(error.commandId().name().toLowerCase() + " refusing " + request.commandId().name().toLowerCase(),
                        error));
            }
        }
        return cases;
    }
}
