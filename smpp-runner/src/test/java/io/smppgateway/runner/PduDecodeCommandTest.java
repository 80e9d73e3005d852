package io.smppgateway.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindTransceiver;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code smpp pdu decode} through {@link Main#run}, as the launcher calls it. */
class PduDecodeCommandTest {

    private static final String MANUAL_SUBMIT_SM = "000000450000000400000000000000080005004d7953656e64657200010133"
            + "38303939313233343536370000000000000100000110486176652061206e6963652064617921";

    private static final String MANUAL_SUBMIT_SM_JSON = """
            SUBMIT_SM:
            {
              "Header": {
                "command_length": 69,
                "command_id": 4,
                "command_status": 0,
                "sequence_number": 8
              },
              "service_type": "",
              "source_addr_ton": 5,
              "source_addr_npi": 0,
              "source_addr": "MySender",
              "dest_addr_ton": 1,
              "dest_addr_npi": 1,
              "destination_addr": "380991234567",
              "esm_class": 0,
              "protocol_id": 0,
              "priority_flag": 0,
              "schedule_delivery_time": "",
              "validity_period": "",
              "registered_delivery": 1,
              "replace_if_present_flag": false,
              "message": {
                "data_coding": 0,
                "sm_default_msg_id": 1,
                "short_message": "Have a nice day!"
              }
            }
            """;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheManualsSubmitSmAsThePduLogDoes() {
        int exit = run("pdu", "decode", MANUAL_SUBMIT_SM);

        assertEquals(0, exit);
        assertEquals(MANUAL_SUBMIT_SM_JSON, out());
        assertEquals("", err());
    }

    @Test
    void acceptsHexSplitBySpacesWith0xPrefixesInEitherCase() {
        String grouped = MANUAL_SUBMIT_SM.toUpperCase().replaceAll("(.{8})", "0x$1 ").trim();

        assertEquals(0, run("pdu", "decode", "0x" + MANUAL_SUBMIT_SM));
        assertEquals(0, run("pdu", "decode", " " + grouped + "\n"));
        assertEquals(0, run(("pdu decode " + grouped.replace("0x", "0X")).split(" ")));

        assertEquals(MANUAL_SUBMIT_SM_JSON.repeat(3), out());
        assertEquals("", err());
    }

    @Test
    void printsTheManualsSubmitSmRespWithTheMessageIdItsHexHolds() {
        int exit = run("pdu", "decode", "000000518000000400000000000000083635356131623936613663393062353238643632"
                + "333937636165633363313564356437646464636361636166396161653666656564323263306239663962313500");

        assertEquals(0, exit);
        JsonObject json = parse(out(), "SUBMIT_SM_RESP:");
        assertEquals(2147483652L, json.getAsJsonObject("Header").get("command_id").getAsLong());
        assertEquals("655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15",
                json.get("message_id").getAsString());
    }

    /** Gson, an independent JSON reader, gets back every character of a text that needs escaping. */
    @Test
    void printsJsonThatAnotherParserReadsBackToTheSameText() {
        String text = "\"quoted\" back\\slash\ttab\r\nline \u0001 \u2028 Привет 😀 /";
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(7).source(Address.of(5, 0, "Bank \"A\""))
                .destination(Address.of(1, 1, "380991234567")).dataCoding(8)
                .shortMessage(text.getBytes(StandardCharsets.UTF_16BE))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "id\\\"1"))
                .tlv(new Tlv(0x1401, Octets.fromHex("00ff")))
                .build();

        assertEquals(0, run("pdu", "decode", hex(pdu)));

        JsonObject json = parse(out(), "SUBMIT_SM:");
        assertEquals("Bank \"A\"", json.get("source_addr").getAsString());
        assertEquals(text, json.getAsJsonObject("message").get("short_message").getAsString());
        assertEquals(8, json.getAsJsonObject("message").get("data_coding").getAsInt());
        assertEquals("id\\\"1", json.get("receipted_message_id").getAsString());
        assertEquals("00ff", json.get("0x1401").getAsString());
    }

    @Test
    void printsDataSmSubmitMultiAndBindsAsJsonWithoutThePassword() {
        DataSm dataSm = new DataSm(11, "", Address.of(1, 1, "380991234567"), Address.of(5, 0, "MySender"), 0, 1, 8,
                Tlvs.of(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.wrap("Ünïcödé".getBytes(StandardCharsets.UTF_16BE))),
                        Tlv.ofInt(TlvTag.USER_MESSAGE_REFERENCE, 513)));
        SubmitMulti multi = new SubmitMulti(12, "", Address.of(5, 0, "MySender"),
                List.of(new DestinationAddress.Sme(Address.of(1, 1, "380991234567")),
                        new DestinationAddress.DistributionList("friends")),
                0, 0, 0, "", "", 1, 0, 3, 0, Octets.wrap("Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), Tlvs.EMPTY);
        BindTransceiver bind = new BindTransceiver(13, "esme01", "hunter2", "", 0x34, Address.EMPTY);

        assertEquals(0, run("pdu", "decode", hex(dataSm)));
        JsonObject data = parse(out(), "DATA_SM:");
        assertEquals("Ünïcödé", data.get("message_payload").getAsString());
        assertEquals(513, data.get("user_message_reference").getAsInt());

        stdout.reset();
        assertEquals(0, run("pdu", "decode", hex(multi)));
        JsonObject submitMulti = parse(out(), "SUBMIT_MULTI:");
        JsonArray destinations = submitMulti.getAsJsonArray("dest_address");
        assertEquals(2, submitMulti.get("number_of_dests").getAsInt());
        assertEquals("380991234567", destinations.get(0).getAsJsonObject().get("destination_addr").getAsString());
        assertEquals("friends", destinations.get(1).getAsJsonObject().get("dl_name").getAsString());
        assertEquals("Café", submitMulti.getAsJsonObject("message").get("short_message").getAsString());

        stdout.reset();
        assertEquals(0, run("pdu", "decode", hex(bind)));
        assertTrue(!out().contains("hunter2"), out());
        JsonObject binding = parse(out(), "BIND_TRANSCEIVER:");
        assertEquals("*******", binding.get("password").getAsString());
        assertEquals("esme01", binding.get("system_id").getAsString());
    }

    @Test
    void readsDataCoding0AsLatin1WithNoGsm7() {
        SubmitSm pdu = SubmitSm.builder().sequenceNumber(1).shortMessage(Octets.fromHex("40")).build();

        assertEquals(0, run("pdu", "decode", hex(pdu)));
        assertEquals(0, run("pdu", "decode", "--no-gsm7", hex(pdu)));

        String[] outputs = out().split("(?=SUBMIT_SM:)");
        assertEquals("\u00a1", parse(outputs[0], "SUBMIT_SM:").getAsJsonObject("message").get("short_message").getAsString());
        assertEquals("@", parse(outputs[1], "SUBMIT_SM:").getAsJsonObject("message").get("short_message").getAsString());
    }

    @Test
    void anUndecodablePduIsOneLineOnStderrNamingTheStatusAndExits1() {
        int exit = run("pdu", "decode", "00000010000000990000000000000007");

        assertEquals(1, exit);
        assertEquals("", out());
        assertEquals("smpp pdu decode: undecodable PDU: ESME_RINVCMDID (Invalid command ID): unknown command_id 0x00000099\n",
                err());
    }

    @Test
    void aTruncatedPduNamesItsTypeAndWhatIsMissing() {
        int exit = run("pdu", "decode", MANUAL_SUBMIT_SM.substring(0, MANUAL_SUBMIT_SM.length() - 2));

        assertEquals(1, exit);
        assertEquals("smpp pdu decode: undecodable PDU: ESME_RINVCMDLEN (Command length is invalid):"
                + " only 68 octets where a whole PDU was expected\n", err());
    }

    @Test
    void aFieldOverItsLimitNamesTheStatusForIt() {
        // source_addr of 21 characters: one more than submit_sm allows.
        String wire = "0000003c" + "00000004" + "00000000" + "00000001" + "00" + "0500"
                + "414243444546474849505152535455565758596061" + "00" + "0101" + "3100" + "000000" + "00" + "00"
                + "00" + "00" + "00" + "00" + "0568656c6c6f";

        int exit = run("pdu", "decode", wire);

        assertEquals(1, exit);
        assertEquals("smpp pdu decode: undecodable PDU: ESME_RINVSRCADR (Invalid source address) in SUBMIT_SM:"
                + " source_addr is longer than 20 characters\n", err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000010 0000001g 00000000 00000001", "0000001", "0x", "00 11 -- 22"})
    void textThatIsNotHexIsOneLineOnStderrAndExits2(String hex) {
        int exit = run("pdu", "decode", hex);

        assertEquals(2, exit);
        assertEquals("", out());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("smpp pdu decode: "), err());
    }

    @Test
    void saysWhichCharacterIsNotHex() {
        run("pdu", "decode", "00000010 0000001g");

        assertEquals("smpp pdu decode: 'g' is not a hex digit (digit 16 of the hex)\n", err());
    }

    @Test
    void saysWhenTheHexHasAnOddNumberOfDigits() {
        run("pdu", "decode", "0x0000001");

        assertEquals("smpp pdu decode: the hex has an odd number of digits (7): every octet takes two\n", err());
    }

    @Test
    void noHexOrAnUnknownOptionIsAUsageError() {
        assertEquals(2, run("pdu", "decode"));
        assertEquals(2, run("pdu", "decode", "--gsm8", MANUAL_SUBMIT_SM));

        List<String> lines = err().lines().toList();
        assertEquals("smpp pdu decode: no hex given; usage: smpp pdu decode [--no-gsm7] <hex>", lines.get(0));
        assertEquals("smpp pdu decode: Unknown option: '--gsm8'", lines.get(1));
        assertEquals("Usage: smpp pdu decode [-hV] [--no-gsm7] [HEX...]", lines.get(2));
        assertEquals("", out());
    }

    private static String hex(Pdu pdu) {
        return HexFormat.of().formatHex(PduEncoder.WITH_TLVS.toBytes(pdu));
    }

    /** The JSON after the command name line, read by Gson. */
    private static JsonObject parse(String output, String nameLine) {
        assertTrue(output.startsWith(nameLine + "\n"), output);
        return JsonParser.parseString(output.substring(nameLine.length() + 1)).getAsJsonObject();
    }
}
