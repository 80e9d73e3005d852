package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.text.Concatenation;
import io.smppgateway.smpp.text.DecodedMessage;
import io.smppgateway.smpp.text.InboundMessageDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * One message an ESME submitted (submit_sm, data_sm, or submit_multi to plain addresses), with its
 * text decoded and the part it is of a concatenated message: what the SMS_IN events are made of.
 *
 * @param destinations one for submit_sm and data_sm; each SME address of a submit_multi
 * @param part from the concatenation element of the UDH, else the SAR TLVs, else part 1 of 1
 */
record InboundSubmission(String serviceType, Address source, List<Address> destinations, int registeredDelivery,
                         int dataCoding, String text, Concatenation part) {

    /** Thrown for a submit_multi that names a distribution list, which the gateway cannot expand. */
    static final class DistributionListException extends RuntimeException {
        DistributionListException(String name) {
            super("distribution list " + name + " cannot be expanded", null, false, false);
        }
    }

    static InboundSubmission of(SubmitSm submit) {
        return decode(submit.serviceType(), submit.source(), List.of(submit.destination()), submit.esmClass(),
                submit.registeredDelivery(), submit.dataCoding(), submit.shortMessage(), submit.tlvs());
    }

    static InboundSubmission of(DataSm data) {
        return decode(data.serviceType(), data.source(), List.of(data.destination()), data.esmClass(),
                data.registeredDelivery(), data.dataCoding(), Octets.EMPTY, data.tlvs());
    }

    static InboundSubmission of(SubmitMulti multi) {
        List<Address> destinations = new ArrayList<>(multi.destinations().size());
        for (DestinationAddress destination : multi.destinations()) {
            if (destination instanceof DestinationAddress.Sme sme) {
                destinations.add(sme.address());
            } else {
                throw new DistributionListException(((DestinationAddress.DistributionList) destination).name());
            }
        }
        return decode(multi.serviceType(), multi.source(), destinations, multi.esmClass(), multi.registeredDelivery(),
                multi.dataCoding(), multi.shortMessage(), multi.tlvs());
    }

    /**
     * Decodes the text from short_message, or from message_payload when short_message is empty (the
     * SMPP rule: a message is in one or the other). Throws
     * {@link io.smppgateway.smpp.text.MalformedUserDataHeaderException} when UDHI announces a header
     * the octets do not hold.
     */
    private static InboundSubmission decode(String serviceType, Address source, List<Address> destinations,
                                            int esmClass, int registeredDelivery, int dataCoding, Octets shortMessage,
                                            Tlvs tlvs) {
        Octets octets = shortMessage.isEmpty() ? tlvs.octets(TlvTag.MESSAGE_PAYLOAD).orElse(Octets.EMPTY) : shortMessage;
        DecodedMessage decoded = InboundMessageDecoder.decode(octets.toByteArray(), EsmClass.hasUdh(esmClass),
                dataCoding);
        Concatenation part = decoded.concatenation().or(() -> sarPart(tlvs)).orElseGet(Concatenation::single);
        return new InboundSubmission(serviceType, source, List.copyOf(destinations), registeredDelivery,
                dataCoding & 0xFF, decoded.text(), part);
    }

    private static java.util.Optional<Concatenation> sarPart(Tlvs tlvs) {
        var reference = tlvs.intValue(TlvTag.SAR_MSG_REF_NUM);
        var total = tlvs.intValue(TlvTag.SAR_TOTAL_SEGMENTS);
        var number = tlvs.intValue(TlvTag.SAR_SEGMENT_SEQNUM);
        if (reference.isEmpty() || total.isEmpty() || number.isEmpty()) {
            return java.util.Optional.empty();
        }
        return Concatenation.ifValid(reference.get().intValue(), total.get().intValue(), number.get().intValue());
    }
}
