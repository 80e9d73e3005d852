package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.FieldErrors;
import io.smppgateway.persistence.ValidationException;

/**
 * A segment taken from SMS_OUT to be sent to an SMSC: what is tracked when it is accepted. The
 * manual's limits apply and are checked here, before any SQL: a bad value is a
 * {@link ValidationException}, never a truncated column.
 *
 * @param msgId the application's id (max 255), unique per segment together with {@code partNumber}
 * @param partNumber 1 to 255 (1 for a single message)
 * @param totalParts 1 to 255, at least {@code partNumber}
 * @param reference 0 to 65535, the concatenation reference (0 for a single message)
 * @param dataCoding 0 to 255, the SMPP data_coding sent
 * @param acptTime Unix milliseconds when the gateway took the segment from the queue
 */
public record OutboundSegment(String msgId, String smscId, int partNumber, int totalParts, int reference,
                              int dataCoding, long acptTime) {

    public static final int MAX_MSG_ID = 255;
    public static final int MAX_SMSC_ID = 100;

    public OutboundSegment {
        FieldErrors errors = new FieldErrors()
                .requiredText("msg_id", msgId, MAX_MSG_ID)
                .requiredText("smsc_id", smscId, MAX_SMSC_ID)
                .range("part_number", partNumber, 1, 255)
                .range("total_parts", totalParts, 1, 255)
                .range("reference", reference, 0, 65535)
                .range("data_coding", dataCoding, 0, 255)
                .range("acpt_time", acptTime, 0, Long.MAX_VALUE);
        if (!errors.has("part_number") && !errors.has("total_parts") && partNumber > totalParts) {
            errors.add("part_number", "must not exceed total_parts (" + partNumber + " > " + totalParts + ")");
        }
        errors.throwIfAny("outbound segment");
    }

    /** A message sent in one segment. */
    public static OutboundSegment single(String msgId, String smscId, int dataCoding, long acptTime) {
        return new OutboundSegment(msgId, smscId, 1, 1, 0, dataCoding, acptTime);
    }
}
