package io.smppgateway.bridge.message;

import java.util.regex.Pattern;

/**
 * An SMS the application asks us to send through an SMSC (topic NSQ_SMS_OUT_TOPIC), with the
 * manual's fields and limits. Optional numbers are {@code null} when absent. The text's length for
 * its encoding is checked against the gateway later, when it is known whether the SMSC takes GSM7.
 */
public record SmsOut(String smscId, String msgId, String sender, String receiver, String message,
                     Integer dataCoding, Integer partNumber, Integer totalParts, Integer reference) {

    /** What {@code receiver} may be: digits, optionally after a leading +. Compiled once: every SMS_OUT is checked. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{1,15}");

    /** Whether the message is one segment of a multipart SMS that the application split. */
    public boolean isSegment() {
        return totalParts != null && totalParts > 1;
    }

    /** Reads and validates one SMS_OUT body; fails with every field error at once. */
    public static SmsOut parse(String body) {
        JsonFields json = JsonFields.parse(body);
        String smscId = json.string("smsc_id", 100, true);
        String msgId = json.string("msg_id", 255, true);
        String sender = json.string("sender", 25, true);
        String receiver = json.string("receiver", 15, true);
        String message = json.string("message", 65_535, true);
        Long dataCoding = json.number("data_coding", 0, 8, false);
        Long partNumber = json.number("part_number", 1, 255, false);
        Long totalParts = json.number("total_parts", 1, 255, false);
        Long reference = json.number("reference", 0, 65_535, false);
        if (partNumber != null && totalParts != null && partNumber > totalParts) {
            json.errors().put("part_number", "must not exceed total_parts");
        }
        if ((partNumber == null) != (totalParts == null) && json.errors().get("part_number") == null
                && json.errors().get("total_parts") == null) {
            json.errors().put(partNumber == null ? "part_number" : "total_parts",
                    "part_number and total_parts go together");
        }
        if (totalParts != null && totalParts > 1 && reference == null && json.errors().get("reference") == null) {
            json.errors().put("reference", "required for a multipart SMS");
        }
        if (receiver != null && !PHONE_NUMBER.matcher(receiver).matches()) {
            json.errors().put("receiver", "must be a phone number (digits, optionally a leading +)");
        }
        if (!json.errors().isEmpty()) {
            throw new InvalidMessageException(msgId, json.errors());
        }
        return new SmsOut(smscId, msgId, sender, receiver, message, toInt(dataCoding), toInt(partNumber),
                toInt(totalParts), toInt(reference));
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }
}
