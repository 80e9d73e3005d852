package io.smppgateway.smpp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindTransmitter;
import io.smppgateway.smpp.pdu.BindTransmitterResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden vectors, both ways, written field by field. */
class PduCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private final PduDecoder decoder = new PduDecoder();
    private final PduEncoder encoder = PduEncoder.WITH_TLVS;

    private static byte[] hex(String... parts) {
        return HEX.parseHex(String.join("", parts).replace(" ", ""));
    }

    @Test
    void decodesAndEncodesTheManualsSubmitSm() {
        byte[] wire = hex(
                "00000045", // command_length 69
                "00000004", // command_id submit_sm
                "00000000", // command_status
                "00000008", // sequence_number 8
                "00",       // service_type ""
                "05 00",    // source_addr_ton 5, source_addr_npi 0
                "4d7953656e64657200", // source_addr "MySender"
                "01 01",    // dest_addr_ton 1, dest_addr_npi 1
                "33383039393132333435363700", // destination_addr "380991234567"
                "00 00 00", // esm_class, protocol_id, priority_flag
                "00",       // schedule_delivery_time ""
                "00",       // validity_period ""
                "01",       // registered_delivery 1
                "00",       // replace_if_present_flag
                "00",       // data_coding 0
                "01",       // sm_default_msg_id 1
                "10",       // sm_length 16
                "486176652061206e6963652064617921"); // "Have a nice day!"
        assertArrayEquals(hex("000000450000000400000000000000080005004d7953656e6465720001013338303939313233343536370000000000000100000110486176652061206e6963652064617921"), wire);

        SubmitSm submit = assertInstanceOf(SubmitSm.class, decoder.decode(wire));

        assertEquals(8, submit.sequenceNumber());
        assertEquals("", submit.serviceType());
        assertEquals(Address.of(5, 0, "MySender"), submit.source());
        assertEquals(Address.of(1, 1, "380991234567"), submit.destination());
        assertEquals(1, submit.registeredDelivery());
        assertEquals(0, submit.dataCoding());
        assertEquals(1, submit.smDefaultMsgId());
        assertEquals("Have a nice day!", new String(submit.shortMessage().toByteArray(), StandardCharsets.ISO_8859_1));
        assertTrue(submit.tlvs().isEmpty());
        assertEquals(69, encoder.encodedLength(submit));
        assertArrayEquals(wire, encoder.toBytes(submit));
    }

    @Test
    void decodesAndEncodesTheManualsSubmitSmResp() {
        byte[] wire = hex(
                "00000051", // command_length 81
                "80000004", // submit_sm_resp
                "00000000", // ESME_ROK
                "00000008", // sequence_number 8
                "3635356131623936613663393062353238643632333937636165633363313564", // message_id, 64 characters ...
                "356437646464636361636166396161653666656564323263306239663962313500"); // ... and its NUL
        SubmitSmResp resp = assertInstanceOf(SubmitSmResp.class, decoder.decode(wire));

        assertEquals(0, resp.commandStatus());
        assertEquals(8, resp.sequenceNumber());
        assertEquals("655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15", resp.messageId());
        assertArrayEquals(wire, encoder.toBytes(resp));
    }

    @Test
    void encodesEnquireLinkAsHeaderOnly() {
        byte[] wire = hex("00000010", "00000015", "00000000", "00000001");
        assertArrayEquals(wire, encoder.toBytes(new EnquireLink(1)));
        assertEquals(new EnquireLink(1), decoder.decode(wire));
    }

    @Test
    void encodesBindTransmitter() {
        byte[] wire = hex(
                "0000002a", // command_length 42
                "00000002", // bind_transmitter
                "00000000",
                "00000001",
                "736d7070636c69656e743100", // system_id "smppclient1"
                "70617373776f726400",       // password "password"
                "00",       // system_type ""
                "34",       // interface_version 3.4
                "00 00",    // addr_ton, addr_npi
                "00");      // address_range ""
        BindTransmitter bind = new BindTransmitter(1, "smppclient1", "password", "", 0x34, Address.EMPTY);
        assertArrayEquals(wire, encoder.toBytes(bind));
        assertEquals(bind, decoder.decode(wire));
        assertEquals(InterfaceVersion.SMPP_3_4, bind.version());
    }

    @Test
    void bindRespOfSmpp33HasNoTlvAndSmpp34CarriesScInterfaceVersion() {
        byte[] v33 = hex("00000015", "80000002", "00000000", "00000001", "534d534300"); // system_id "SMSC"
        BindTransmitterResp resp33 = assertInstanceOf(BindTransmitterResp.class, decoder.decode(v33));
        assertTrue(resp33.scInterfaceVersion().isEmpty());

        byte[] v34 = hex("0000001a", "80000002", "00000000", "00000001", "534d534300",
                "0210 0001 34"); // sc_interface_version = 0x34
        BindTransmitterResp resp34 = assertInstanceOf(BindTransmitterResp.class, decoder.decode(v34));
        assertEquals(InterfaceVersion.SMPP_3_4, resp34.scInterfaceVersion().orElseThrow());
        assertArrayEquals(v34, encoder.toBytes(resp34));
    }

    @Test
    void encoderForSmpp33LeavesTlvsOut() {
        BindTransmitterResp resp = new BindTransmitter(1, "esme", "", "", 0x33, Address.EMPTY)
                .response(0, "SMSC", InterfaceVersion.SMPP_3_4);
        assertEquals(1, resp.tlvs().size());
        assertArrayEquals(hex("00000015", "80000002", "00000000", "00000001", "534d534300"),
                PduEncoder.forVersion(InterfaceVersion.SMPP_3_3).toBytes(resp));
    }

    @Test
    void decodesAnErrorResponseThatHasNoBody() {
        byte[] wire = hex("00000010", "80000004", "00000045", "0000002a"); // submit_sm_resp ESME_RSUBMITFAIL, no message_id
        SubmitSmResp resp = assertInstanceOf(SubmitSmResp.class, decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RSUBMITFAIL.value(), resp.commandStatus());
        assertEquals("", resp.messageId());
        assertEquals(42, resp.sequenceNumber());
    }

    @Test
    void decodesAReceiptWithItsTlvs() {
        DeliverSm receipt = SamplePdus.deliveryReceipt();
        Pdu decoded = decoder.decode(encoder.toBytes(receipt));
        DeliverSm deliver = assertInstanceOf(DeliverSm.class, decoded);
        assertEquals("0123456789", deliver.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow());
        assertEquals(2L, deliver.tlvs().intValue(TlvTag.MESSAGE_STATE).orElseThrow());
        assertEquals(receipt, deliver);
    }

    @Test
    void unknownTlvRoundTripsUntouched() {
        Tlv vendor = new Tlv(0x1401, Octets.fromHex("deadbeef"));
        SubmitSm submit = SamplePdus.submitSm().toBuilder().tlv(vendor).build();
        byte[] wire = encoder.toBytes(submit);
        SubmitSm decoded = assertInstanceOf(SubmitSm.class, decoder.decode(wire));
        assertEquals(vendor, decoded.tlvs().get(0x1401).orElseThrow());
        assertArrayEquals(wire, encoder.toBytes(decoded));
    }

    @Test
    void unknownCommandIdIsAnsweredWithInvalidCommandId() {
        byte[] wire = hex("00000010", "00000099", "00000000", "00000007");
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RINVCMDID.value(), error.commandStatus());
        assertEquals(7, error.header().sequenceNumber());
    }

    @Test
    void commandLengthBelowTheHeaderIsAFramingError() {
        byte[] wire = hex("0000000c", "00000015", "00000000", "00000001");
        PduFramingException error = assertThrows(PduFramingException.class, () -> decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), error.commandStatus());
    }

    @Test
    void commandLengthAboveTheMaximumIsAFramingErrorBeforeAnyAllocation() {
        byte[] wire = hex("7fffffff", "00000004", "00000000", "00000003");
        PduFramingException error = assertThrows(PduFramingException.class, () -> new PduDecoder(4096).decode(wire));
        assertEquals(3, error.sequenceNumber());
    }

    @Test
    void lessThanFourOctetsIsNotYetAFrame() {
        assertEquals(-1, decoder.frameLength(io.netty.buffer.Unpooled.wrappedBuffer(hex("000000"))));
    }

    @Test
    void cStringWithoutItsNulIsInvalidCommandLength() {
        // bind_transmitter whose system_id runs to the end of the PDU with no NUL
        byte[] wire = hex("00000014", "00000002", "00000000", "00000001", "61626364");
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), error.commandStatus());
    }

    @Test
    void systemIdOverItsMaximumIsInvalidSystemId() {
        // 17 characters and a NUL: one more than the 16 characters the manual allows a username
        byte[] wire = hex("00000028", "00000002", "00000000", "00000001",
                "303030303030303030303030303030303000", "00", "00", "34", "0000", "00");
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RINVSYSID.value(), error.commandStatus());
    }

    @Test
    void bindsWithTheManualsLongestCredentials() {
        // The manual allows usernames of 16 characters and passwords of 9, one more than SMPP's
        // octet sizes leave after the NUL; its own example client binds with "qwerty123".
        BindTransmitter bind = new BindTransmitter(1, "sixteen-chars-id", "qwerty123", "", 0x34, Address.EMPTY);
        byte[] wire = encoder.toBytes(bind);
        assertEquals(bind, decoder.decode(wire));
        byte[] tenCharPassword = hex("00000020", "00000002", "00000000", "00000001",
                "6100", "7177657274793132333400", "00", "34", "0000", "00"); // "a", "qwerty1234"
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(tenCharPassword));
        assertEquals(CommandStatus.ESME_RINVPASWD.value(), error.commandStatus());
    }

    @Test
    void smLengthBeyondTheBodyIsInvalidMessageLength() {
        byte[] good = encoder.toBytes(SamplePdus.submitSm());
        int smLengthOffset = good.length - 17;
        good[smLengthOffset] = (byte) 0x20; // claims 32 octets, 16 remain
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(good));
        assertEquals(CommandStatus.ESME_RINVMSGLEN.value(), error.commandStatus());
        assertEquals(8, error.header().sequenceNumber());
    }

    @Test
    void tlvThatOverrunsTheBodyIsInvalidTlvStream() {
        byte[] body = encoder.toBytes(SamplePdus.submitSm());
        byte[] wire = new byte[body.length + 6];
        System.arraycopy(body, 0, wire, 0, body.length);
        System.arraycopy(hex("0424 0010 4142"), 0, wire, body.length, 6); // message_payload says 16, has 2
        wire[3] = (byte) wire.length;
        InvalidPduException error = assertThrows(InvalidPduException.class, () -> decoder.decode(wire));
        assertEquals(CommandStatus.ESME_RINVTLVSTREAM.value(), error.commandStatus());
    }

    @Test
    void bytesBeyondCommandLengthAreRejectedWhenDecodingOneArray() {
        byte[] wire = hex("00000010", "00000015", "00000000", "00000001", "00");
        assertThrows(PduFramingException.class, () -> decoder.decode(wire));
    }

    @Test
    void everyCommandIdHasASampleThatRoundTrips() {
        for (CommandId id : CommandId.values()) {
            Pdu sample = SamplePdus.all().get(id);
            byte[] wire = encoder.toBytes(sample);
            assertEquals(wire.length, encoder.encodedLength(sample), id.name());
            assertEquals(id.value(), java.nio.ByteBuffer.wrap(wire).getInt(4), id.name());
            Pdu decoded = decoder.decode(wire);
            assertEquals(sample, decoded, id.name());
            assertArrayEquals(wire, encoder.toBytes(decoded), id.name());
        }
    }

    @Test
    void errorResponseEchoesTheSequenceNumberAndStatus() {
        SubmitSmResp resp = SamplePdus.submitSm().errorResponse(CommandStatus.ESME_RTHROTTLED.value());
        assertEquals(8, resp.sequenceNumber());
        assertEquals(0x58, resp.commandStatus());
        assertEquals(hex("00000011", "80000004", "00000058", "00000008", "00").length, encoder.toBytes(resp).length);
    }

    @Test
    void sarTlvsAreTypedByTag() {
        Tlvs tlvs = SamplePdus.all().get(CommandId.SUBMIT_SM) instanceof SubmitSm s ? s.tlvs() : Tlvs.EMPTY;
        assertEquals(0x1234L, tlvs.intValue(TlvTag.SAR_MSG_REF_NUM).orElseThrow());
        assertEquals(2L, tlvs.intValue(TlvTag.SAR_TOTAL_SEGMENTS).orElseThrow());
        assertEquals("sar_msg_ref_num", TlvTag.of(0x020C).wireName());
    }
}
