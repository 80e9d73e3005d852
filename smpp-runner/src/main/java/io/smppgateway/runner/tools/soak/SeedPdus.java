package io.smppgateway.runner.tools.soak;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The valid PDUs the fuzzer damages: what an ESME sends most (bind, submit_sm with TLVs,
 * enquire_link, deliver_sm_resp), encoded once. Binds name a system_id no account has, so that a
 * mutated one that still decodes is refused rather than bound.
 */
final class SeedPdus {

    private static final List<byte[]> ALL = List.of(
            encode((Pdu) BindRequest.of(BindType.TRANSCEIVER, 1, "soak-fuzz", "guess", "", InterfaceVersion.SMPP_3_4,
                    Address.EMPTY)),
            encode((Pdu) BindRequest.of(BindType.TRANSMITTER, 2, "soak-fuzz", "guess", "SOAK",
                    InterfaceVersion.SMPP_3_4, new Address(1, 1, "3809"))),
            encode(SubmitSm.builder().sequenceNumber(3).source(5, 0, "Soak").destination(1, 1, "380990000001")
                    .esmClass(0x40).dataCoding(8).registeredDelivery(1)
                    .shortMessage(new byte[] {5, 0, 3, 7, 2, 1, 0, 'h', 0, 'i'})
                    .tlvs(new Tlvs(List.of(Tlv.ofInt(TlvTag.USER_MESSAGE_REFERENCE, 77),
                            Tlv.ofInt(TlvTag.SAR_MSG_REF_NUM, 7))))
                    .build()),
            encode(SubmitSm.builder().sequenceNumber(4).source(5, 0, "Soak").destination(1, 1, "380990000002")
                    .tlv(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD,
                            Octets.of("a payload in a TLV".getBytes(StandardCharsets.ISO_8859_1))))
                    .build()),
            encode(new EnquireLink(5)),
            encode(new DeliverSmResp(0, 6, "", Tlvs.EMPTY)));

    private SeedPdus() {
    }

    /** The seeds' octets; callers copy before changing them. */
    static List<byte[]> all() {
        return ALL;
    }

    private static byte[] encode(Pdu pdu) {
        return PduEncoder.WITH_TLVS.toBytes(pdu);
    }
}
