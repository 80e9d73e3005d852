package io.smppgateway.http;

import io.smppgateway.smpp.log.LogFileLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** PDU log files in the manual's format, laid out as {@link LogFileLayout} says. */
final class SampleLogs {

    /** The two entries of the manual's sample, indented as our writer writes them. */
    static final String MANUAL_ENTRIES = """
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
            INFO[2024-07-29 21:02:06][1beb339d-24dd-4abc-a1c3-9e77d88856ab]: >>>>> 000000518000000400000000000000083635356131623936613663393062353238643632333937636165633363313564356437646464636361636166396161653666656564323263306239663962313500
            SUBMIT_SM_RESP:
            {
              "Header": {
                "command_length": 81,
                "command_id": 2147483652,
                "command_status": 0,
                "sequence_number": 8
              },
              "message_id": "655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15"
            }
            """;

    private SampleLogs() {
    }

    static Path write(Path root, LocalDate day, String peer, String content) {
        Path file = LogFileLayout.file(root, day, peer);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
