package io.smppgateway.smpp.log;

import io.smppgateway.smpp.session.PduDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.codec.InvalidPduException;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.codec.PduFramingException;
import io.smppgateway.smpp.codec.SamplePdus;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindReceiver;
import io.smppgateway.smpp.pdu.BindTransceiver;
import io.smppgateway.smpp.pdu.BindTransmitter;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Outbind;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PduLogFormatTest {

    private static final LocalDateTime AT = LocalDateTime.of(2024, 7, 29, 21, 2, 5);
    private static final HexFormat HEX = HexFormat.of();

    private final PduLogFormat format = new PduLogFormat(true);

    private static byte[] hex(String... parts) {
        return HEX.parseHex(String.join("", parts).replace(" ", ""));
    }

    private static String json(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void masksTheBindPasswordInTheJsonAndInTheHex() {
        byte[] wire = hex(
                "0000002a", // command_length 42
                "00000002", // bind_transmitter
                "00000000", // command_status
                "00000001", // sequence_number 1
                "736d7070636c69656e743100", // system_id "smppclient1"
                "7365637265743132 00", // password "secret12"
                "00",       // system_type ""
                "34",       // interface_version 3.4
                "01 01 00"); // addr_ton 1, addr_npi 1, address_range ""

        String entry = format.entry(AT, "c-1", PduDirection.SENT, wire);

        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: >>>>> 0000002a000000020000000000000001"
                        + "736d7070636c69656e743100" + "2a2a2a2a2a2a2a2a00" + "0034010100",
                "BIND_TRANSMITTER:",
                "{",
                "  \"Header\": {",
                "    \"command_length\": 42,",
                "    \"command_id\": 2,",
                "    \"command_status\": 0,",
                "    \"sequence_number\": 1",
                "  },",
                "  \"system_id\": \"smppclient1\",",
                "  \"password\": \"********\",",
                "  \"system_type\": \"\",",
                "  \"interface_version\": 52,",
                "  \"addr_ton\": 1,",
                "  \"addr_npi\": 1,",
                "  \"address_range\": \"\"",
                "}"), entry);
    }

    static Stream<Pdu> passwordCarriers() {
        return Stream.of(
                new BindTransmitter(1, "esme", "s3cr3t", "", 0x34, Address.EMPTY),
                new BindReceiver(2, "esme", "s3cr3t", "", 0x34, Address.EMPTY),
                new BindTransceiver(3, "esme", "s3cr3t", "", 0x50, Address.EMPTY),
                new Outbind(4, "smsc", "s3cr3t"));
    }

    @ParameterizedTest
    @MethodSource("passwordCarriers")
    void neverShowsAPassword(Pdu pdu) {
        byte[] wire = PduEncoder.WITH_TLVS.toBytes(pdu);
        String passwordHex = HEX.formatHex("s3cr3t".getBytes(StandardCharsets.US_ASCII));

        String entry = format.entry(AT, "c-1", PduDirection.RECEIVED, wire);

        assertFalse(entry.contains("s3cr3t"), entry);
        assertFalse(entry.contains(passwordHex), entry);
        assertTrue(entry.contains("\"password\": \"******\""), entry);
        assertTrue(entry.contains("2a2a2a2a2a2a00"), entry);
    }

    @Test
    void masksThePasswordOfABindThatDoesNotDecode() {
        byte[] wire = hex(
                "0000002a", "00000002", "00000000", "00000001",
                "6573 6d65 00",             // system_id "esme"
                "7061737377 6f72643132 33", // password "password123": over 9 characters, no NUL within 10
                "00 00 34 01 01 00 00 00 00 00"); // the rest of the 42 octets

        String entry = format.entry(AT, "c-1", PduDirection.RECEIVED, wire);

        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< 0000002a000000020000000000000001" + "65736d6500"
                        + "2a2a2a2a2a2a2a2a2a2a2a" + "00003401010000000000",
                "ERROR: ESME_RINVPASWD (Invalid password) in BIND_TRANSMITTER: password is longer than 9 characters"),
                entry);
    }

    @Test
    void masksTheWholeBodyWhenTheSystemIdHasNoEnd() {
        byte[] wire = hex("00000014", "00000009", "00000000", "00000001", "41424344");

        assertEquals("000000140000000900000000000000012a2a2a2a", PduLogFormat.hex(wire));
    }

    @Test
    void leavesTheHexOfPdusWithoutPasswordsAlone() {
        byte[] wire = PduEncoder.WITH_TLVS.toBytes(new BindReceiver(2, "esme", "", "", 0x34, Address.EMPTY));
        byte[] response = hex("00000017", "80000002", "00000000", "00000001", "73656372657400"); // bind_transmitter_resp "secret"

        assertEquals(HEX.formatHex(wire), PduLogFormat.hex(wire));
        assertEquals(HEX.formatHex(response), PduLogFormat.hex(response));
    }

    /** The top-level names of each PDU type's JSON, in the order of its wire fields and then its TLVs. */
    private static final Map<CommandId, List<String>> TOP_LEVEL_NAMES = topLevelNames();

    private static Map<CommandId, List<String>> topLevelNames() {
        Map<CommandId, List<String>> names = new EnumMap<>(CommandId.class);
        List<String> bind = List.of("system_id", "password", "system_type", "interface_version", "addr_ton",
                "addr_npi", "address_range");
        List<String> shortMessage = List.of("service_type", "source_addr_ton", "source_addr_npi", "source_addr",
                "dest_addr_ton", "dest_addr_npi", "destination_addr", "esm_class", "protocol_id", "priority_flag",
                "schedule_delivery_time", "validity_period", "registered_delivery", "replace_if_present_flag",
                "message");
        for (CommandId id : List.of(CommandId.GENERIC_NACK, CommandId.UNBIND, CommandId.UNBIND_RESP,
                CommandId.ENQUIRE_LINK, CommandId.ENQUIRE_LINK_RESP, CommandId.CANCEL_SM_RESP,
                CommandId.REPLACE_SM_RESP, CommandId.CANCEL_BROADCAST_SM_RESP)) {
            names.put(id, List.of());
        }
        names.put(CommandId.BIND_TRANSMITTER, bind);
        names.put(CommandId.BIND_RECEIVER, bind);
        names.put(CommandId.BIND_TRANSCEIVER, bind);
        names.put(CommandId.BIND_TRANSMITTER_RESP, List.of("system_id", "sc_interface_version"));
        names.put(CommandId.BIND_RECEIVER_RESP, List.of("system_id"));
        names.put(CommandId.BIND_TRANSCEIVER_RESP, List.of("system_id", "sc_interface_version"));
        names.put(CommandId.OUTBIND, List.of("system_id", "password"));
        names.put(CommandId.SUBMIT_SM, concat(shortMessage, "sar_msg_ref_num", "sar_total_segments", "sar_segment_seqnum"));
        names.put(CommandId.SUBMIT_SM_RESP, List.of("message_id"));
        names.put(CommandId.DELIVER_SM, concat(shortMessage, "receipted_message_id", "message_state"));
        names.put(CommandId.DELIVER_SM_RESP, List.of("message_id"));
        names.put(CommandId.DATA_SM, List.of("service_type", "source_addr_ton", "source_addr_npi", "source_addr",
                "dest_addr_ton", "dest_addr_npi", "destination_addr", "esm_class", "registered_delivery",
                "data_coding", "message_payload"));
        names.put(CommandId.DATA_SM_RESP, List.of("message_id", "additional_status_info_text"));
        names.put(CommandId.QUERY_SM, List.of("message_id", "source_addr_ton", "source_addr_npi", "source_addr"));
        names.put(CommandId.QUERY_SM_RESP, List.of("message_id", "final_date", "message_state", "error_code"));
        names.put(CommandId.CANCEL_SM, List.of("service_type", "message_id", "source_addr_ton", "source_addr_npi",
                "source_addr", "dest_addr_ton", "dest_addr_npi", "destination_addr"));
        names.put(CommandId.REPLACE_SM, List.of("message_id", "source_addr_ton", "source_addr_npi", "source_addr",
                "schedule_delivery_time", "validity_period", "registered_delivery", "message"));
        names.put(CommandId.SUBMIT_MULTI, List.of("service_type", "source_addr_ton", "source_addr_npi",
                "source_addr", "number_of_dests", "dest_address", "esm_class", "protocol_id", "priority_flag",
                "schedule_delivery_time", "validity_period", "registered_delivery", "replace_if_present_flag",
                "message"));
        names.put(CommandId.SUBMIT_MULTI_RESP, List.of("message_id", "no_unsuccess", "unsuccess_sme"));
        names.put(CommandId.ALERT_NOTIFICATION, List.of("source_addr_ton", "source_addr_npi", "source_addr",
                "esme_addr_ton", "esme_addr_npi", "esme_addr", "ms_availability_status"));
        names.put(CommandId.BROADCAST_SM, List.of("service_type", "source_addr_ton", "source_addr_npi",
                "source_addr", "message_id", "priority_flag", "schedule_delivery_time", "validity_period",
                "replace_if_present_flag", "data_coding", "sm_default_msg_id", "broadcast_area_identifier",
                "broadcast_content_type", "broadcast_rep_num", "broadcast_frequency_interval", "message_payload"));
        names.put(CommandId.BROADCAST_SM_RESP, List.of("message_id"));
        names.put(CommandId.QUERY_BROADCAST_SM, List.of("message_id", "source_addr_ton", "source_addr_npi",
                "source_addr"));
        names.put(CommandId.QUERY_BROADCAST_SM_RESP, List.of("message_id", "message_state",
                "broadcast_area_identifier", "broadcast_area_success"));
        names.put(CommandId.CANCEL_BROADCAST_SM, List.of("service_type", "message_id", "source_addr_ton",
                "source_addr_npi", "source_addr"));
        return names;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void everyPduTypeShowsItsHeaderAndItsFieldsInWireOrder(CommandId id) {
        Pdu pdu = SamplePdus.all().get(id);
        byte[] wire = PduEncoder.WITH_TLVS.toBytes(pdu);

        String text = format.describe(wire);

        List<String> lines = text.lines().toList();
        assertEquals(id.name() + ":", lines.get(0));
        assertEquals(List.of("{", "  \"Header\": {",
                "    \"command_length\": " + wire.length + ",",
                "    \"command_id\": " + Integer.toUnsignedLong(id.value()) + ",",
                "    \"command_status\": " + pdu.commandStatus() + ",",
                "    \"sequence_number\": " + pdu.sequenceNumber()), lines.subList(1, 7));
        assertEquals("}", lines.get(lines.size() - 1));
        List<String> topLevel = lines.stream()
                .filter(line -> line.startsWith("  \"") && !line.startsWith("  \"Header\""))
                .map(line -> line.substring(3, line.indexOf('"', 3)))
                .toList();
        assertEquals(TOP_LEVEL_NAMES.get(id), topLevel);
    }

    @Test
    void everyPduTypeHasItsExpectedNames() {
        assertEquals(List.of(CommandId.values()), List.copyOf(TOP_LEVEL_NAMES.keySet()));
    }

    @Test
    void dataSmShowsTheMessagePayloadAsTextAndOtherTlvsByTheirType() {
        byte[] wire = hex(
                "0000005e", // command_length 94
                "00000103", // data_sm
                "00000000",
                "0000002a", // sequence_number 42
                "00",       // service_type ""
                "01 01 333830393931323334353637 00", // source 1/1 "380991234567"
                "05 00 4d7953656e646572 00",         // destination 5/0 "MySender"
                "00",       // esm_class
                "01",       // registered_delivery
                "08",       // data_coding UCS2
                "0424 000c 041f 0440 0438 0432 0435 0442", // message_payload "Привет"
                "020a 0002 0b84",       // source_port 2948
                "001e 0004 61626300",   // receipted_message_id "abc"
                "0381 0003 010203",     // callback_num: octets
                "020c 0001 07",         // sar_msg_ref_num with one octet instead of two
                "1401 0002 beef");      // a vendor tag

        assertEquals(json(
                "DATA_SM:",
                "{",
                "  \"Header\": {",
                "    \"command_length\": 94,",
                "    \"command_id\": 259,",
                "    \"command_status\": 0,",
                "    \"sequence_number\": 42",
                "  },",
                "  \"service_type\": \"\",",
                "  \"source_addr_ton\": 1,",
                "  \"source_addr_npi\": 1,",
                "  \"source_addr\": \"380991234567\",",
                "  \"dest_addr_ton\": 5,",
                "  \"dest_addr_npi\": 0,",
                "  \"destination_addr\": \"MySender\",",
                "  \"esm_class\": 0,",
                "  \"registered_delivery\": 1,",
                "  \"data_coding\": 8,",
                "  \"message_payload\": \"Привет\",",
                "  \"source_port\": 2948,",
                "  \"receipted_message_id\": \"abc\",",
                "  \"callback_num\": \"010203\",",
                "  \"sar_msg_ref_num\": \"07\",",
                "  \"0x1401\": \"beef\"",
                "}"), format.describe(wire));
    }

    @Test
    void showsTheUserDataHeaderApartAndTheTextAfterIt() {
        DeliverSm pdu = DeliverSm.builder().sequenceNumber(3).esmClass(0x40).dataCoding(8)
                .shortMessage(Octets.fromHex("0500030a0201" + "041f04400438043204350442"))
                .build();

        String text = format.describe(pdu, 99);

        assertTrue(text.contains(json(
                "  \"message\": {",
                "    \"data_coding\": 8,",
                "    \"sm_default_msg_id\": 0,",
                "    \"udh\": \"0500030a0201\",",
                "    \"short_message\": \"Привет\"",
                "  }")), text);
    }

    @Test
    void showsABinaryMessageAsHex() {
        // A WAP push: 8-bit data with a port-addressing header.
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(3).esmClass(0x40).dataCoding(0x04)
                .shortMessage(Octets.fromHex("0605040b8423f0" + "0106246170706c69"))
                .build();

        String text = format.describe(pdu, 99);

        assertTrue(text.contains(json(
                "    \"data_coding\": 4,",
                "    \"sm_default_msg_id\": 0,",
                "    \"udh\": \"0605040b8423f0\",",
                "    \"short_message\": \"0106246170706c69\"",
                "  }")), text);
    }

    @Test
    void showsTheOctetsAsHexWhenTheHeaderTheFlagPromisesIsNotThere() {
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(3).esmClass(0x40)
                .shortMessage(Octets.fromHex("0948690a")) // UDHL 9 with three octets after it
                .build();

        String text = format.describe(pdu, 99);

        assertTrue(text.contains(json(
                "    \"sm_default_msg_id\": 0,",
                "    \"short_message\": \"0948690a\"",
                "  }")), text);
    }

    @Test
    void readsDataCoding0AsTheSmscDefaultSays() {
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(3).shortMessage(Octets.fromHex("4000")).build();

        assertTrue(new PduLogFormat(true).describe(pdu, 99).contains("\"short_message\": \"\u00a1@\""));
        assertTrue(new PduLogFormat(false).describe(pdu, 99).contains("\"short_message\": \"@\\u0000\""));
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaksInTheText() {
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(3).dataCoding(3)
                .shortMessage("say \"hi\"\\\r\n\tbye".getBytes(StandardCharsets.ISO_8859_1))
                .build();

        assertTrue(format.describe(pdu, 99).contains("\"short_message\": \"say \\\"hi\\\"\\\\\\r\\n\\tbye\""));
    }

    @Test
    void showsTheReplaceIfPresentFlagAsABooleanAndAnyOtherValueAsItIs() {
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(3).replaceIfPresentFlag(1).build();

        assertTrue(format.describe(pdu, 99).contains("  \"replace_if_present_flag\": true,\n"));
        assertTrue(format.describe(pdu.toBuilder().replaceIfPresentFlag(2).build(), 99)
                .contains("  \"replace_if_present_flag\": 2,\n"));
    }

    @Test
    void showsHeaderValuesAsUnsignedNumbers() {
        byte[] wire = hex("00000010", "80000000", "ffffffff", "7fffffff"); // generic_nack, status 0xFFFFFFFF

        assertEquals(json(
                "GENERIC_NACK:",
                "{",
                "  \"Header\": {",
                "    \"command_length\": 16,",
                "    \"command_id\": 2147483648,",
                "    \"command_status\": 4294967295,",
                "    \"sequence_number\": 2147483647",
                "  }",
                "}"), format.describe(wire));
    }

    @Test
    void logsAnUnknownCommandIdWithItsHexAndTheStatusItIsAnsweredWith() {
        byte[] wire = hex("00000010", "00000099", "00000000", "00000007");

        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< 00000010000000990000000000000007",
                "ERROR: ESME_RINVCMDID (Invalid command ID): unknown command_id 0x00000099"),
                format.entry(AT, "c-1", PduDirection.RECEIVED, wire));
    }

    @Test
    void logsATruncatedPduWithItsTypeAndTheFieldItLacks() {
        byte[] wire = hex("00000014", "00000004", "00000000", "00000007",
                "00",       // service_type ""
                "05 00",    // source_addr_ton, source_addr_npi
                "4d");      // source_addr "M" with no NUL: the PDU ends

        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< 00000014000000040000000000000007" + "0005004d",
                "ERROR: ESME_RINVCMDLEN (Command length is invalid) in SUBMIT_SM: the PDU ends before source_addr"),
                format.entry(AT, "c-1", PduDirection.RECEIVED, wire));
    }

    @Test
    void logsAFieldOverItsMaximumWithTheStatusForThatField() {
        byte[] wire = PduEncoder.WITH_TLVS.toBytes(SamplePdus.submitSm());
        // source_addr starts at offset 19: 22 octets with no NUL run over its maximum of 21.
        for (int i = 19; i < 19 + 22; i++) {
            wire[i] = 'x';
        }

        String entry = format.entry(AT, "c-1", PduDirection.RECEIVED, wire);

        assertEquals("ERROR: ESME_RINVSRCADR (Invalid source address) in SUBMIT_SM: "
                + "source_addr is longer than 20 characters", entry.lines().toList().get(1));
    }

    @Test
    void logsOctetsThatAreNoPduAtAll() {
        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< 0000000800000015",
                "ERROR: ESME_RINVCMDLEN (Command length is invalid): command_length 8 is outside 16-65536"),
                format.entry(AT, "c-1", PduDirection.RECEIVED, hex("00000008", "00000015")));
        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< 000000200000001500000000",
                "ERROR: ESME_RINVCMDLEN (Command length is invalid): only 12 octets where a whole PDU was expected"),
                format.entry(AT, "c-1", PduDirection.RECEIVED, hex("00000020", "00000015", "00000000")));
        assertEquals(json(
                "INFO[2024-07-29 21:02:05][c-1]: <<<<< ",
                "ERROR: ESME_RINVCMDLEN (Command length is invalid): only 0 octets where a whole PDU was expected"),
                format.entry(AT, "c-1", PduDirection.RECEIVED, new byte[0]));
    }

    @Test
    void describeFailsWithTheDecodersErrorForOctetsThatDoNotDecode() {
        InvalidPduException unknown = assertThrows(InvalidPduException.class,
                () -> format.describe(hex("00000010", "00000099", "00000000", "00000007")));
        assertEquals(CommandStatus.ESME_RINVCMDID.value(), unknown.commandStatus());

        PduFramingException trailing = assertThrows(PduFramingException.class,
                () -> format.describe(hex("00000010", "00000015", "00000000", "00000007", "00")));
        assertEquals("ESME_RINVCMDLEN (Command length is invalid): 1 octets follow the PDU's command_length",
                PduLogFormat.describeError(trailing));
    }

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void anEntryFromADecodedPduEqualsTheEntryFromItsOctets(CommandId id) {
        Pdu pdu = SamplePdus.all().get(id);
        byte[] wire = PduEncoder.WITH_TLVS.toBytes(pdu);

        assertEquals(format.entry(AT, "c-1", PduDirection.SENT, wire),
                format.entry(AT, "c-1", PduDirection.SENT, wire, pdu));
    }

    @Test
    void anEntryAppendedToAReusedBuilderIsTheEntryAfterWhatWasThere() {
        byte[] good = PduEncoder.WITH_TLVS.toBytes(SamplePdus.submitSm());
        byte[] unknown = hex("00000010", "00000099", "00000000", "00000007");
        StringBuilder out = new StringBuilder("earlier\n");

        format.appendEntry(out, AT, "c-1", PduDirection.RECEIVED, unknown);
        format.appendEntry(out, AT, "c-1", PduDirection.SENT, good, SamplePdus.submitSm());
        format.appendEntry(out, AT, "c-1", PduDirection.RECEIVED, good);

        assertEquals("earlier\n" + format.entry(AT, "c-1", PduDirection.RECEIVED, unknown)
                + format.entry(AT, "c-1", PduDirection.SENT, good)
                + format.entry(AT, "c-1", PduDirection.RECEIVED, good), out.toString());
    }

    @Test
    void aLineBreakInTheConnectionIdCannotStartAnotherLogLine() {
        byte[] wire = hex("00000010", "00000015", "00000000", "00000001");

        String entry = format.entry(AT, "a\nINFO[2024-01-01 00:00:00][forged]:\r", PduDirection.RECEIVED, wire);

        assertTrue(entry.startsWith("INFO[2024-07-29 21:02:05][a INFO[2024-01-01 00:00:00][forged]: ]: <<<<< "), entry);
        assertEquals(10, entry.lines().count());
    }
}
