package io.smppgateway.smpp.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindTransceiverResp;
import io.smppgateway.smpp.pdu.BroadcastSm;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PDUs laid out octet by octet as the SMPP 3.4 (section 4) and 5.0 (section 4) PDU tables give
 * their fields, one comment per field, compared as exact octets in both directions: our encoder
 * must write the vector, our decoder must read it to the value. Where a vector was captured from
 * a real SMSC and published with cloudhopper-smpp's decoder tests, the comment says so.
 */
class SmppSpecVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private final PduDecoder decoder = new PduDecoder();
    private final PduEncoder encoder = PduEncoder.WITH_TLVS;

    private static byte[] hex(String... fields) {
        return HEX.parseHex(String.join("", fields).replace(" ", ""));
    }

    /** Both directions, and the command_length in the vector's first four octets is its size. */
    private void assertVector(byte[] wire, Pdu value) {
        assertEquals(wire.length, ByteBuffer.wrap(wire).getInt(0), "command_length");
        assertArrayEquals(wire, encoder.toBytes(value), "encoded octets");
        assertEquals(value, decoder.decode(wire), "decoded value");
    }

    /** SMPP 3.4, 4.4.1: submit_sm with a relative validity period and SAR TLVs (5.3.2.22-24). */
    @Test
    void submitSmWithSarTlvsMatchesTheSmpp34Layout() {
        byte[] wire = hex(
                "00000067",                 // command_length 103
                "00000004",                 // command_id submit_sm
                "00000000",                 // command_status
                "00000002",                 // sequence_number 2
                "434d5400",                 // service_type "CMT"
                "01",                       // source_addr_ton international
                "01",                       // source_addr_npi E.164
                "34343737303039303031323300", // source_addr "447700900123"
                "01",                       // dest_addr_ton international
                "01",                       // dest_addr_npi E.164
                "34343737303039303034353600", // destination_addr "447700900456"
                "00",                       // esm_class default
                "00",                       // protocol_id
                "00",                       // priority_flag
                "00",                       // schedule_delivery_time: immediate
                "3030303030313030303030303030305200", // validity_period "000001000000000R": one day, relative
                "01",                       // registered_delivery: receipt on success or failure
                "00",                       // replace_if_present_flag
                "00",                       // data_coding SMSC default alphabet
                "00",                       // sm_default_msg_id
                "05",                       // sm_length 5
                "48656c6c6f",               // short_message "Hello"
                "0204 0002 0001",           // user_message_reference 1
                "020c 0002 0102",           // sar_msg_ref_num 0x0102
                "020e 0001 02",             // sar_total_segments 2
                "020f 0001 01");            // sar_segment_seqnum 1
        SubmitSm submit = SubmitSm.builder().sequenceNumber(2).serviceType("CMT")
                .source(1, 1, "447700900123").destination(1, 1, "447700900456")
                .validityPeriod("000001000000000R").registeredDelivery(1)
                .shortMessage("Hello".getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.ofInt(TlvTag.USER_MESSAGE_REFERENCE, 1))
                .tlv(Tlv.ofInt(TlvTag.SAR_MSG_REF_NUM, 0x0102))
                .tlv(Tlv.ofInt(TlvTag.SAR_TOTAL_SEGMENTS, 2))
                .tlv(Tlv.ofInt(TlvTag.SAR_SEGMENT_SEQNUM, 1))
                .build();

        assertVector(wire, submit);
    }

    /**
     * SMPP 3.4, 4.6.1 and 5.3.2.12/35: a delivery receipt as a real SMSC sent it (published with
     * cloudhopper-smpp's decoder tests), with the network-type TLVs before receipted_message_id
     * and message_state.
     */
    @Test
    void deliveryReceiptFromAnSmscCarriesReceiptedMessageIdAndMessageState() {
        String receipt = "id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731"
                + " stat:DELIVRD err:000 text:@$#!%&/:";
        byte[] wire = hex(
                "000000ba",                 // command_length 186
                "00000005",                 // command_id deliver_sm
                "00000000",                 // command_status
                "00000002",                 // sequence_number 2
                "00",                       // service_type ""
                "01",                       // source_addr_ton international
                "01",                       // source_addr_npi E.164
                "343439353133363139323000", // source_addr "44951361920"
                "01",                       // dest_addr_ton international
                "01",                       // dest_addr_npi E.164
                "343034303400",             // destination_addr "40404"
                "04",                       // esm_class: SMSC delivery receipt
                "00",                       // protocol_id
                "00",                       // priority_flag
                "00",                       // schedule_delivery_time (unused in deliver_sm)
                "00",                       // validity_period (unused in deliver_sm)
                "00",                       // registered_delivery
                "00",                       // replace_if_present_flag
                "00",                       // data_coding
                "00",                       // sm_default_msg_id
                "6e",                       // sm_length 110
                HEX.formatHex(receipt.getBytes(StandardCharsets.US_ASCII)), // short_message: the receipt text
                "000e 0001 01",             // source_network_type GSM
                "0006 0001 01",             // dest_network_type GSM
                "001e 0008 3338363031666100", // receipted_message_id "38601fa"
                "0427 0001 02");            // message_state DELIVERED
        DeliverSm deliver = DeliverSm.builder().sequenceNumber(2).source(1, 1, "44951361920")
                .destination(1, 1, "40404").esmClass(0x04)
                .shortMessage(receipt.getBytes(StandardCharsets.US_ASCII))
                .tlvs(Tlvs.of(Tlv.ofInt(TlvTag.SOURCE_NETWORK_TYPE, 1), Tlv.ofInt(TlvTag.DEST_NETWORK_TYPE, 1),
                        Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "38601fa"), Tlv.ofInt(TlvTag.MESSAGE_STATE, 2)))
                .build();

        assertVector(wire, deliver);
        assertEquals(110, receipt.length());
    }

    /** SMPP 3.4, 4.7.1 (5.0, 4.2.2.1): data_sm has no short_message; its text is in message_payload. */
    @Test
    void dataSmCarriesItsUcs2TextInMessagePayload() {
        byte[] wire = hex(
                "0000004a",                 // command_length 74
                "00000103",                 // command_id data_sm
                "00000000",                 // command_status
                "00000003",                 // sequence_number 3
                "00",                       // service_type ""
                "01",                       // source_addr_ton international
                "01",                       // source_addr_npi E.164
                "34343737303039303031323300", // source_addr "447700900123"
                "01",                       // dest_addr_ton international
                "01",                       // dest_addr_npi E.164
                "34343737303039303034353600", // destination_addr "447700900456"
                "00",                       // esm_class
                "01",                       // registered_delivery
                "08",                       // data_coding UCS2
                "0424 000c 041f04400438043204560442", // message_payload "Привіт" in UTF-16BE
                "0017 0004 00015180");      // qos_time_to_live 86400 s
        DataSm data = new DataSm(3, "", Address.of(1, 1, "447700900123"), Address.of(1, 1, "447700900456"), 0, 1, 8,
                Tlvs.of(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.wrap("Привіт".getBytes(StandardCharsets.UTF_16BE))),
                        Tlv.ofInt(TlvTag.QOS_TIME_TO_LIVE, 86_400)));

        assertVector(wire, data);
    }

    /** SMPP 3.4, 4.5.1 (5.0, 4.2.3.1): dest_address entries are flagged 1 (SME) or 2 (distribution list). */
    @Test
    void submitMultiToAnSmeAndADistributionList() {
        byte[] wire = hex(
                "00000043",                 // command_length 67
                "00000021",                 // command_id submit_multi
                "00000000",                 // command_status
                "00000004",                 // sequence_number 4
                "00",                       // service_type ""
                "05",                       // source_addr_ton alphanumeric
                "00",                       // source_addr_npi unknown
                "4d7953656e64657200",       // source_addr "MySender"
                "02",                       // number_of_dests 2
                "01",                       //   dest_flag 1: SME address
                "01",                       //   dest_addr_ton international
                "01",                       //   dest_addr_npi E.164
                "34343737303039303034353600", //   destination_addr "447700900456"
                "02",                       //   dest_flag 2: distribution list
                "737461666600",             //   dl_name "staff"
                "00",                       // esm_class
                "00",                       // protocol_id
                "00",                       // priority_flag
                "00",                       // schedule_delivery_time
                "00",                       // validity_period
                "01",                       // registered_delivery
                "00",                       // replace_if_present_flag
                "00",                       // data_coding
                "00",                       // sm_default_msg_id
                "05",                       // sm_length 5
                "48656c6c6f");              // short_message "Hello"
        SubmitMulti multi = new SubmitMulti(4, "", Address.of(5, 0, "MySender"),
                List.of(new DestinationAddress.Sme(Address.of(1, 1, "447700900456")),
                        new DestinationAddress.DistributionList("staff")),
                0, 0, 0, "", "", 1, 0, 0, 0, Octets.wrap("Hello".getBytes(StandardCharsets.US_ASCII)), Tlvs.EMPTY);

        assertVector(wire, multi);
    }

    /**
     * SMPP 5.0, 4.4.1: broadcast_sm's mandatory TLVs give the area (format 0x00, an alias name),
     * the content type (network type, then a 2-octet type), the repetitions and the interval
     * (unit 0x09 minutes, then a 2-octet count).
     */
    @Test
    void broadcastSmWithAnAreaIdentifierMatchesTheSmpp50Layout() {
        byte[] wire = hex(
                "0000004f",                 // command_length 79
                "00000111",                 // command_id broadcast_sm
                "00000000",                 // command_status
                "00000005",                 // sequence_number 5
                "00",                       // service_type ""
                "05",                       // source_addr_ton alphanumeric
                "00",                       // source_addr_npi unknown
                "416c6572747300",           // source_addr "Alerts"
                "00",                       // message_id "": a new broadcast, not a replacement
                "01",                       // priority_flag 1
                "00",                       // schedule_delivery_time: immediate
                "00",                       // validity_period: SMSC default
                "00",                       // replace_if_present_flag
                "00",                       // data_coding
                "00",                       // sm_default_msg_id
                "0606 0005 00 4b796976",    // broadcast_area_identifier: format alias/name, "Kyiv"
                "0601 0003 01 0010",        // broadcast_content_type: network GSM, content type 0x0010
                "0604 0002 0003",           // broadcast_rep_num 3
                "0605 0003 09 000f",        // broadcast_frequency_interval: every 15 minutes
                "0424 000d 466c6f6f64207761726e696e67"); // message_payload "Flood warning"
        BroadcastSm broadcast = new BroadcastSm(5, "", Address.of(5, 0, "Alerts"), "", 1, "", "", 0, 0, 0, Tlvs.of(
                Tlv.ofOctets(TlvTag.BROADCAST_AREA_IDENTIFIER, Octets.fromHex("004b796976")),
                Tlv.ofOctets(TlvTag.BROADCAST_CONTENT_TYPE, Octets.fromHex("010010")),
                Tlv.ofInt(TlvTag.BROADCAST_REP_NUM, 3),
                Tlv.ofOctets(TlvTag.BROADCAST_FREQUENCY_INTERVAL, Octets.fromHex("09000f")),
                Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.wrap("Flood warning".getBytes(StandardCharsets.US_ASCII)))));

        assertVector(wire, broadcast);
    }

    /** SMPP 3.4, 4.1.6 and 5.3.2.25: a 3.4 SMSC's bind_transceiver_resp, as published with cloudhopper's tests. */
    @Test
    void bindTransceiverRespCarriesScInterfaceVersion() {
        byte[] wire = hex(
                "0000001d",                 // command_length 29
                "80000009",                 // command_id bind_transceiver_resp
                "00000000",                 // command_status
                "00039943",                 // sequence_number 235843
                "536d7363204757 00",        // system_id "Smsc GW"
                "0210 0001 34");            // sc_interface_version 3.4
        BindTransceiverResp resp = new BindTransceiverResp(0, 235_843, "Smsc GW",
                Tlvs.of(Tlv.ofInt(TlvTag.SC_INTERFACE_VERSION, 0x34)));

        assertVector(wire, resp);
    }
}
