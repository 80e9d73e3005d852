package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.CommandStatus;
import java.util.Map;

/**
 * Why the gateway itself refuses an SMS_OUT, as the {@code err_code} of its DLR_IN {@code rejected}
 * event (an SMPP command_status, so that one table explains both our refusals and the SMSC's) and a
 * reason for the log.
 *
 * <pre>
 *   receiver missing, too long, not a phone number     0x0B ESME_RINVDSTADR   (11)
 *   sender missing or too long                         0x0A ESME_RINVSRCADR   (10)
 *   message missing or too long for its encoding       0x01 ESME_RINVMSGLEN   (1)
 *   data_coding out of range, or a character it
 *     cannot carry                                     0x104 ESME_RINVDCS     (260)
 *   unknown or disabled smsc_id, or any other field    0x45 ESME_RSUBMITFAIL  (69)
 * </pre>
 */
record Rejection(int errCode, String reason) {

    static Rejection of(CommandStatus status, String reason) {
        return new Rejection(status.value(), reason);
    }

    /** The rejection for field errors: the first of receiver, sender, message, data_coding that is wrong. */
    static Rejection forFields(Map<String, String> fieldErrors, String description) {
        CommandStatus status = CommandStatus.ESME_RSUBMITFAIL;
        if (fieldErrors.containsKey("receiver")) {
            status = CommandStatus.ESME_RINVDSTADR;
        } else if (fieldErrors.containsKey("sender")) {
            status = CommandStatus.ESME_RINVSRCADR;
        } else if (fieldErrors.containsKey("message")) {
            status = CommandStatus.ESME_RINVMSGLEN;
        } else if (fieldErrors.containsKey("data_coding")) {
            status = CommandStatus.ESME_RINVDCS;
        }
        return of(status, description);
    }
}
