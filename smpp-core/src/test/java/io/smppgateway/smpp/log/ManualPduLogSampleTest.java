package io.smppgateway.smpp.log;

import io.smppgateway.smpp.session.PduDirection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The product manual's PDU log sample (section "Viewing/Exporting of SMSC/ESME Logs"), rendered from
 * its own hex.
 *
 * <p>The manual's text has lost all leading whitespace (its code samples are flush left too), so it
 * is compared line by line with our indentation removed; {@link #indentsTwoSpacesPerLevel} pins
 * the indentation itself. Its submit_sm_resp JSON shows a message_id that its hex does not hold:
 * the hex is what was on the wire, so our entry shows the hex's id.
 */
class ManualPduLogSampleTest {

    private static final String CONNECTION = "1beb339d-24dd-4abc-a1c3-9e77d88856ab";
    private static final String SUBMIT_SM_HEX = "000000450000000400000000000000080005004d7953656e646572000101333830393931"
            + "3233343536370000000000000100000110486176652061206e6963652064617921";
    private static final String SUBMIT_SM_RESP_HEX = "00000051800000040000000000000008363535613162393661366339306235"
            + "32386436323339376361656333633135643564376464646363616361663961616536666565643232633062396639623135"
            + "00";

    /** Copied from the manual as it stands, flush left. */
    private static final String MANUAL_SUBMIT_SM = """
            INFO[2024-07-29 21:02:05][1beb339d-24dd-4abc-a1c3-9e77d88856ab]: <<<<< 000000450000000400000000000000080005004d7953656e6465720001013338303939313233343536370000000000000100000110486176652061206e6963652064617921
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

    /** Copied from the manual as it stands, flush left. */
    private static final String MANUAL_SUBMIT_SM_RESP = """
            INFO[2024-07-29 21:02:06][1beb339d-24dd-4abc-a1c3-9e77d88856ab]: >>>>> 000000518000000400000000000000083635356131623936613663393062353238643632333937636165633363313564356437646464636361636166396161653666656564323263306239663962313500
            SUBMIT_SM_RESP:
            {
            "Header": {
            "command_length": 81,
            "command_id": 2147483652,
            "command_status": 0,
            "sequence_number": 8
            },
            "message_id": "074b8a96-f983-4b0b-8079-4d4c8502ff02"
            }
            """;

    private final PduLogFormat format = new PduLogFormat(true);

    @Test
    void rendersTheManualsSubmitSmLineForLine() {
        String ours = format.entry(LocalDateTime.of(2024, 7, 29, 21, 2, 5), CONNECTION, PduDirection.RECEIVED,
                HexFormat.of().parseHex(SUBMIT_SM_HEX));

        assertEquals(MANUAL_SUBMIT_SM, withoutIndentation(ours));
    }

    @Test
    void rendersTheManualsSubmitSmRespLineForLineWithTheMessageIdItsHexHolds() {
        String ours = format.entry(LocalDateTime.of(2024, 7, 29, 21, 2, 6), CONNECTION, PduDirection.SENT,
                HexFormat.of().parseHex(SUBMIT_SM_RESP_HEX));

        String hexId = "655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15";
        String manualWithTheHexsId = MANUAL_SUBMIT_SM_RESP.replace("074b8a96-f983-4b0b-8079-4d4c8502ff02", hexId);
        assertEquals(manualWithTheHexsId, withoutIndentation(ours));
    }

    @Test
    void indentsTwoSpacesPerLevel() {
        String ours = format.entry(LocalDateTime.of(2024, 7, 29, 21, 2, 5), CONNECTION, PduDirection.RECEIVED,
                HexFormat.of().parseHex(SUBMIT_SM_HEX));

        assertEquals("INFO[2024-07-29 21:02:05][1beb339d-24dd-4abc-a1c3-9e77d88856ab]: <<<<< " + SUBMIT_SM_HEX + "\n"
                + "SUBMIT_SM:\n"
                + "{\n"
                + "  \"Header\": {\n"
                + "    \"command_length\": 69,\n"
                + "    \"command_id\": 4,\n"
                + "    \"command_status\": 0,\n"
                + "    \"sequence_number\": 8\n"
                + "  },\n"
                + "  \"service_type\": \"\",\n"
                + "  \"source_addr_ton\": 5,\n"
                + "  \"source_addr_npi\": 0,\n"
                + "  \"source_addr\": \"MySender\",\n"
                + "  \"dest_addr_ton\": 1,\n"
                + "  \"dest_addr_npi\": 1,\n"
                + "  \"destination_addr\": \"380991234567\",\n"
                + "  \"esm_class\": 0,\n"
                + "  \"protocol_id\": 0,\n"
                + "  \"priority_flag\": 0,\n"
                + "  \"schedule_delivery_time\": \"\",\n"
                + "  \"validity_period\": \"\",\n"
                + "  \"registered_delivery\": 1,\n"
                + "  \"replace_if_present_flag\": false,\n"
                + "  \"message\": {\n"
                + "    \"data_coding\": 0,\n"
                + "    \"sm_default_msg_id\": 1,\n"
                + "    \"short_message\": \"Have a nice day!\"\n"
                + "  }\n"
                + "}\n", ours);
    }

    @Test
    void theSubmitSmRespIsIndentedTheSameWay() {
        String ours = format.describe(HexFormat.of().parseHex(SUBMIT_SM_RESP_HEX));

        assertEquals("SUBMIT_SM_RESP:\n"
                + "{\n"
                + "  \"Header\": {\n"
                + "    \"command_length\": 81,\n"
                + "    \"command_id\": 2147483652,\n"
                + "    \"command_status\": 0,\n"
                + "    \"sequence_number\": 8\n"
                + "  },\n"
                + "  \"message_id\": \"655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15\"\n"
                + "}\n", ours);
    }

    private static String withoutIndentation(String text) {
        return text.lines().map(String::stripLeading).collect(Collectors.joining("\n", "", "\n"));
    }
}
